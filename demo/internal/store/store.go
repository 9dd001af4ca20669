// Package store is the demo's embedded SQLite database (modernc.org/sqlite, pure Go): schema, seed data and the
// named queries the API runs. Every query is timed into hotpath_demo_db_query_duration_seconds{query}.
package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" driver

	"github.com/hotpath/hotpath/demo/internal/metrics"
)

// OrdersIndex is the index the db bottleneck drops. Without it, OrdersByCustomer scans the whole orders table.
const OrdersIndex = "idx_orders_customer_created"

// Product is one catalogue row.
type Product struct {
	ID          int64  `json:"id"`
	SKU         string `json:"sku"`
	Name        string `json:"name"`
	Category    string `json:"category"`
	Description string `json:"description"`
	PriceCents  int64  `json:"price_cents"`
}

// Order is one row of a customer's order history.
type Order struct {
	ID         int64     `json:"id"`
	CustomerID int64     `json:"customer_id"`
	TotalCents int64     `json:"total_cents"`
	Items      int64     `json:"items"`
	CreatedAt  time.Time `json:"created_at"`
}

// Sizes of the seed data. Defaults make a full scan of orders take tens of milliseconds.
type Sizes struct {
	Products  int
	Customers int
	Orders    int
}

// Store wraps the database.
type Store struct {
	db      *sql.DB
	m       *metrics.Metrics
	dir     string // temp dir we own and remove on Close, "" if the caller gave a path
	Sizes   Sizes
	Catalog []string // categories
}

// Categories of the seeded catalogue.
var Categories = []string{"books", "games", "garden", "kitchen", "music", "outdoor", "tools", "toys"}

var words = strings.Fields(`amber basic bold bright classic compact cosy crisp deluxe eco elegant essential fresh grand
handy heavy light lucky mini modern noble plain pocket prime pro quiet rapid royal rustic sharp silent simple smart
solid sonic sturdy swift tiny travel ultra urban vintage warm wild zen`)

var nouns = strings.Fields(`backpack bottle bowl brush candle chair clock cup desk drill globe hammer kettle ladder lamp
lantern mug notebook pan pen pillow plant puzzle radio rope saw scarf shovel speaker spoon stool table tent torch
towel tray umbrella vase wallet whistle`)

// Open creates (path == "": in a fresh temp dir) and seeds the database.
func Open(ctx context.Context, path string, sizes Sizes, m *metrics.Metrics) (*Store, error) {
	s := &Store{m: m, Sizes: sizes, Catalog: Categories}
	if path == "" {
		dir, err := os.MkdirTemp("", "hotpath-demo-db-")
		if err != nil {
			return nil, err
		}
		s.dir = dir
		path = filepath.Join(dir, "demo.db")
	}
	dsn := "file:" + path + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=synchronous(NORMAL)"
	db, err := sql.Open("sqlite", dsn)
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(8)
	db.SetMaxIdleConns(8)
	s.db = db
	if err := s.seed(ctx); err != nil {
		_ = s.Close()
		return nil, fmt.Errorf("seed: %w", err)
	}
	return s, nil
}

// Close closes the database and removes the temp dir it created.
func (s *Store) Close() error {
	err := s.db.Close()
	if s.dir != "" {
		err = errors.Join(err, os.RemoveAll(s.dir))
	}
	return err
}

func (s *Store) seed(ctx context.Context) error {
	schema := []string{
		`DROP TABLE IF EXISTS orders`, `DROP TABLE IF EXISTS customers`, `DROP TABLE IF EXISTS products`,
		`CREATE TABLE products (id INTEGER PRIMARY KEY, sku TEXT NOT NULL UNIQUE, name TEXT NOT NULL,
			category TEXT NOT NULL, description TEXT NOT NULL, price_cents INTEGER NOT NULL)`,
		`CREATE INDEX idx_products_category ON products(category, id)`,
		`CREATE TABLE customers (id INTEGER PRIMARY KEY, email TEXT NOT NULL, name TEXT NOT NULL)`,
		`CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL, total_cents INTEGER NOT NULL,
			items INTEGER NOT NULL, created_at INTEGER NOT NULL)`,
	}
	for _, q := range schema {
		if _, err := s.db.ExecContext(ctx, q); err != nil {
			return fmt.Errorf("%s: %w", q, err)
		}
	}
	rng := rand.New(rand.NewPCG(42, 4242)) // deterministic seed data
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer func() { _ = tx.Rollback() }()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO products(id, sku, name, category, description, price_cents) VALUES (?,?,?,?,?,?)`)
	if err != nil {
		return err
	}
	for i := 1; i <= s.Sizes.Products; i++ {
		name := words[rng.IntN(len(words))] + " " + words[rng.IntN(len(words))] + " " + nouns[rng.IntN(len(nouns))]
		desc := fmt.Sprintf("A %s %s for %s use, %s and %s.", words[rng.IntN(len(words))], nouns[rng.IntN(len(nouns))],
			Categories[rng.IntN(len(Categories))], words[rng.IntN(len(words))], words[rng.IntN(len(words))])
		if _, err := ins.ExecContext(ctx, i, fmt.Sprintf("SKU-%06d", i), name, Categories[rng.IntN(len(Categories))], desc,
			199+rng.IntN(20000)); err != nil {
			return err
		}
	}
	insC, err := tx.PrepareContext(ctx, `INSERT INTO customers(id, email, name) VALUES (?,?,?)`)
	if err != nil {
		return err
	}
	for i := 1; i <= s.Sizes.Customers; i++ {
		if _, err := insC.ExecContext(ctx, i, fmt.Sprintf("customer%d@example.com", i), fmt.Sprintf("Customer %d", i)); err != nil {
			return err
		}
	}
	insO, err := tx.PrepareContext(ctx, `INSERT INTO orders(customer_id, total_cents, items, created_at) VALUES (?,?,?,?)`)
	if err != nil {
		return err
	}
	base := time.Now().Add(-365 * 24 * time.Hour).Unix()
	for i := 0; i < s.Sizes.Orders; i++ {
		if _, err := insO.ExecContext(ctx, 1+rng.IntN(max(1, s.Sizes.Customers)), 500+rng.IntN(50000), 1+rng.IntN(6),
			base+int64(rng.IntN(365*24*3600))); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	return s.SetOrdersIndex(ctx, true)
}

// SetOrdersIndex creates (on) or drops (off) the index OrdersByCustomer relies on. The db bottleneck calls it
// with false: the query keeps working but turns into a full scan plus sort — the classic "a migration dropped
// the index" incident.
func (s *Store) SetOrdersIndex(ctx context.Context, on bool) error {
	q := `DROP INDEX IF EXISTS ` + OrdersIndex
	if on {
		q = `CREATE INDEX IF NOT EXISTS ` + OrdersIndex + ` ON orders(customer_id, created_at)`
	}
	_, err := s.db.ExecContext(ctx, q)
	return err
}

// QueryPlan returns SQLite's EXPLAIN QUERY PLAN detail lines for OrdersByCustomer (used by tests and the README).
func (s *Store) QueryPlan(ctx context.Context) (string, error) {
	rows, err := s.db.QueryContext(ctx, `EXPLAIN QUERY PLAN `+ordersByCustomerSQL, 1)
	if err != nil {
		return "", err
	}
	defer rows.Close()
	var lines []string
	for rows.Next() {
		var id, parent, notused int
		var detail string
		if err := rows.Scan(&id, &parent, &notused, &detail); err != nil {
			return "", err
		}
		lines = append(lines, detail)
	}
	return strings.Join(lines, "\n"), rows.Err()
}

// ListProducts returns one page of the catalogue, optionally of one category.
func (s *Store) ListProducts(ctx context.Context, category string, limit, offset int) ([]Product, error) {
	defer s.m.ObserveDB("list_products", time.Now())
	q := `SELECT id, sku, name, category, description, price_cents FROM products`
	args := []any{}
	if category != "" {
		q += ` WHERE category = ?`
		args = append(args, category)
	}
	q += ` ORDER BY id LIMIT ? OFFSET ?`
	args = append(args, limit, offset)
	return s.products(ctx, q, args...)
}

// GetProduct returns one product or sql.ErrNoRows.
func (s *Store) GetProduct(ctx context.Context, id int64) (Product, error) {
	defer s.m.ObserveDB("get_product", time.Now())
	ps, err := s.products(ctx, `SELECT id, sku, name, category, description, price_cents FROM products WHERE id = ?`, id)
	if err != nil {
		return Product{}, err
	}
	if len(ps) == 0 {
		return Product{}, sql.ErrNoRows
	}
	return ps[0], nil
}

// SearchCandidates returns up to limit products whose name or description contains term.
func (s *Store) SearchCandidates(ctx context.Context, term string, limit int) ([]Product, error) {
	defer s.m.ObserveDB("search_products", time.Now())
	like := "%" + term + "%"
	return s.products(ctx, `SELECT id, sku, name, category, description, price_cents FROM products
		WHERE name LIKE ? OR description LIKE ? OR category LIKE ? ORDER BY id LIMIT ?`, like, like, like, limit)
}

const ordersByCustomerSQL = `SELECT id, customer_id, total_cents, items, created_at FROM orders
	WHERE customer_id = ? ORDER BY created_at DESC LIMIT 20`

// OrdersByCustomer returns the 20 newest orders of a customer. With OrdersIndex it is an index range read;
// without it (db bottleneck) SQLite scans every order: this function then dominates the CPU profile of
// GET /api/customers/{id}/orders, under modernc.org/sqlite's VDBE interpreter.
func (s *Store) OrdersByCustomer(ctx context.Context, customerID int64) ([]Order, error) {
	defer s.m.ObserveDB("orders_by_customer", time.Now())
	rows, err := s.db.QueryContext(ctx, ordersByCustomerSQL, customerID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Order{}
	for rows.Next() {
		var o Order
		var created int64
		if err := rows.Scan(&o.ID, &o.CustomerID, &o.TotalCents, &o.Items, &created); err != nil {
			return nil, err
		}
		o.CreatedAt = time.Unix(created, 0).UTC()
		out = append(out, o)
	}
	return out, rows.Err()
}

// InsertOrder stores a new order and returns its id.
func (s *Store) InsertOrder(ctx context.Context, customerID, totalCents, items int64) (int64, error) {
	defer s.m.ObserveDB("insert_order", time.Now())
	res, err := s.db.ExecContext(ctx, `INSERT INTO orders(customer_id, total_cents, items, created_at) VALUES (?,?,?,?)`,
		customerID, totalCents, items, time.Now().Unix())
	if err != nil {
		return 0, err
	}
	return res.LastInsertId()
}

func (s *Store) products(ctx context.Context, q string, args ...any) ([]Product, error) {
	rows, err := s.db.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Product{}
	for rows.Next() {
		var p Product
		if err := rows.Scan(&p.ID, &p.SKU, &p.Name, &p.Category, &p.Description, &p.PriceCents); err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}
