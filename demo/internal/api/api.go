// Package api is the demo's public HTTP API: a small shop (catalogue, search, product page, order history,
// checkout) on SQLite with one upstream dependency. Every route is registered through handle, which gives it the
// route label of the metrics and the pprof label "route" of the profiles — the same string on both sides.
package api

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/grafana/pyroscope-go"

	"github.com/hotpath/hotpath/demo/internal/bottleneck"
	"github.com/hotpath/hotpath/demo/internal/journal"
	"github.com/hotpath/hotpath/demo/internal/metrics"
	"github.com/hotpath/hotpath/demo/internal/pricing"
	"github.com/hotpath/hotpath/demo/internal/recommend"
	"github.com/hotpath/hotpath/demo/internal/search"
	"github.com/hotpath/hotpath/demo/internal/store"
	"github.com/hotpath/hotpath/demo/internal/upstream"
)

// Route patterns (the value of the route label). Keep in sync with cmd/load's mix and demo/README.md.
const (
	RouteProducts = "/api/products"
	RouteProduct  = "/api/products/{id}"
	RouteSearch   = "/api/search"
	RouteOrders   = "/api/customers/{id}/orders"
	RouteCheckout = "/api/checkout"
)

// Server holds the API's dependencies.
type Server struct {
	Store       *store.Store
	Upstream    *upstream.Client
	Pricing     *pricing.Book
	Journal     *journal.Journal
	Bottlenecks *bottleneck.Set
	Metrics     *metrics.Metrics
	ErrorRate   float64 // share of /api/* requests that fail while the errors bottleneck is on
	IOSyncs     int     // fsync'd journal records per checkout while the io bottleneck is on
	Log         *slog.Logger
}

// Handler returns the public mux: the API routes, /metrics and /healthz. net/http/pprof is NOT here (see admin).
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	s.handle(mux, http.MethodGet, RouteProducts, s.listProducts)
	s.handle(mux, http.MethodGet, RouteProduct, s.getProduct)
	s.handle(mux, http.MethodGet, RouteSearch, s.search)
	s.handle(mux, http.MethodGet, RouteOrders, s.customerOrders)
	s.handle(mux, http.MethodPost, RouteCheckout, s.checkout)
	mux.Handle("GET /metrics", s.Metrics.Handler())
	mux.HandleFunc("GET /healthz", func(w http.ResponseWriter, r *http.Request) { _, _ = io.WriteString(w, "ok\n") })
	return mux
}

// handle registers one API route: metrics by route, pprof label route, then the error-injection check.
func (s *Server) handle(mux *http.ServeMux, method, route string, h http.HandlerFunc) {
	inner := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		// pprof.Do under the hood: every sample taken in this goroutine (and goroutines it starts) carries route=...
		pyroscope.TagWrapper(r.Context(), pyroscope.Labels("route", route), func(ctx context.Context) {
			if s.Bottlenecks.Enabled(bottleneck.Errors) && rand.Float64() < s.ErrorRate {
				failInjected(w)
				return
			}
			h(w, r.WithContext(ctx))
		})
	})
	mux.Handle(method+" "+route, s.Metrics.Instrument(route, inner))
}

// failInjected is the errors bottleneck: the request fails as if a dependency had reset the connection.
func failInjected(w http.ResponseWriter) {
	writeError(w, http.StatusInternalServerError, "injected failure: errors bottleneck is on")
}

func (s *Server) listProducts(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	page := max(atoiDefault(q.Get("page"), 1), 1)
	ps, err := s.Store.ListProducts(r.Context(), q.Get("category"), 20, (page-1)*20)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	prices := s.Pricing.PriceAll(ps, s.Bottlenecks.Enabled(bottleneck.Lock))
	type item struct {
		store.Product
		DisplayPriceCents int64 `json:"display_price_cents"`
	}
	items := make([]item, len(ps))
	for i := range ps {
		items[i] = item{ps[i], prices[i]}
	}
	writeJSON(w, http.StatusOK, map[string]any{"page": page, "items": items})
}

func (s *Server) getProduct(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	p, err := s.Store.GetProduct(r.Context(), id)
	if errors.Is(err, sql.ErrNoRows) {
		writeError(w, http.StatusNotFound, "no such product")
		return
	}
	if err != nil {
		s.internal(w, r, err)
		return
	}
	quote, err := s.Upstream.Quote(r.Context(), p.SKU)
	if err != nil {
		writeError(w, http.StatusBadGateway, "inventory unavailable")
		return
	}
	var related []recommend.Related
	if s.Bottlenecks.Enabled(bottleneck.Alloc) {
		related = recommend.RelatedWithChurn(p, int64(s.Store.Sizes.Products))
	} else {
		related = recommend.RelatedTo(p, int64(s.Store.Sizes.Products))
	}
	writeJSON(w, http.StatusOK, map[string]any{"product": p, "inventory": quote, "related": related})
}

func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	term := strings.TrimSpace(r.URL.Query().Get("q"))
	if term == "" || len(term) > 64 {
		writeError(w, http.StatusBadRequest, "q must be 1..64 characters")
		return
	}
	cands, err := s.Store.SearchCandidates(r.Context(), term, 300)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	var hits []search.Hit
	if s.Bottlenecks.Enabled(bottleneck.CPU) {
		hits = search.RankBySimilarityQuadratic(term, cands, 20)
	} else {
		hits = search.Rank(term, cands, 20)
	}
	writeJSON(w, http.StatusOK, map[string]any{"q": term, "candidates": len(cands), "hits": hits})
}

func (s *Server) customerOrders(w http.ResponseWriter, r *http.Request) {
	id, ok := pathID(w, r)
	if !ok {
		return
	}
	orders, err := s.Store.OrdersByCustomer(r.Context(), id)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, map[string]any{"customer_id": id, "orders": orders})
}

// CheckoutRequest is the body of POST /api/checkout.
type CheckoutRequest struct {
	CustomerID int64 `json:"customer_id"`
	Items      []struct {
		ProductID int64 `json:"product_id"`
		Quantity  int64 `json:"quantity"`
	} `json:"items"`
}

func (s *Server) checkout(w http.ResponseWriter, r *http.Request) {
	var req CheckoutRequest
	if err := json.NewDecoder(io.LimitReader(r.Body, 1<<16)).Decode(&req); err != nil {
		writeError(w, http.StatusBadRequest, "invalid JSON body")
		return
	}
	if req.CustomerID < 1 || int(req.CustomerID) > s.Store.Sizes.Customers || len(req.Items) == 0 || len(req.Items) > 20 {
		writeError(w, http.StatusBadRequest, "need a known customer_id and 1..20 items")
		return
	}
	var total, count int64
	for _, it := range req.Items {
		if it.Quantity < 1 || it.Quantity > 100 {
			writeError(w, http.StatusBadRequest, "quantity must be 1..100")
			return
		}
		p, err := s.Store.GetProduct(r.Context(), it.ProductID)
		if errors.Is(err, sql.ErrNoRows) {
			writeError(w, http.StatusUnprocessableEntity, fmt.Sprintf("no product %d", it.ProductID))
			return
		}
		if err != nil {
			s.internal(w, r, err)
			return
		}
		total += p.PriceCents * it.Quantity
		count += it.Quantity
	}
	res, err := s.Upstream.Reserve(r.Context(), int(count))
	if err != nil {
		writeError(w, http.StatusBadGateway, "inventory unavailable")
		return
	}
	orderID, err := s.Store.InsertOrder(r.Context(), req.CustomerID, total, count)
	if err != nil {
		s.internal(w, r, err)
		return
	}
	if err := s.journalCheckout(orderID, len(req.Items)); err != nil {
		s.internal(w, r, err)
		return
	}
	writeJSON(w, http.StatusCreated, map[string]any{"order_id": orderID, "total_cents": total, "reservation": res.ID})
}

// journalCheckout writes the audit trail of one order, one goroutine per line item. Normally the records go to
// the page cache; with the io bottleneck each record is fsync'd (journal.(*Journal).AppendDurable), IOSyncs in
// total per checkout, and the items of one order — and concurrent orders — queue on the journal.
func (s *Server) journalCheckout(orderID int64, items int) error {
	durable := s.Bottlenecks.Enabled(bottleneck.IO)
	perItem := 1
	if durable {
		perItem = max(1, (s.IOSyncs+items-1)/items)
	}
	var wg sync.WaitGroup
	errs := make([]error, items)
	for i := 0; i < items; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			for k := 0; k < perItem; k++ {
				rec := []byte(fmt.Sprintf("%d order=%d item=%d step=%d\n", time.Now().UnixNano(), orderID, i, k))
				if durable {
					errs[i] = s.Journal.AppendDurable(rec)
				} else {
					errs[i] = s.Journal.Append(rec)
				}
				if errs[i] != nil {
					return
				}
			}
		}(i)
	}
	wg.Wait()
	return errors.Join(errs...)
}

func (s *Server) internal(w http.ResponseWriter, r *http.Request, err error) {
	if s.Log != nil {
		s.Log.Error("request failed", "path", r.URL.Path, "err", err)
	}
	writeError(w, http.StatusInternalServerError, "internal error")
}

func pathID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id < 1 {
		writeError(w, http.StatusBadRequest, "id must be a positive integer")
		return 0, false
	}
	return id, true
}

func atoiDefault(s string, def int) int {
	if n, err := strconv.Atoi(s); err == nil {
		return n
	}
	return def
}

func writeJSON(w http.ResponseWriter, code int, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(code)
	_ = json.NewEncoder(w).Encode(v)
}

func writeError(w http.ResponseWriter, code int, msg string) {
	writeJSON(w, code, map[string]string{"error": msg})
}
