// Extends the scaffolded config (.config/ stays untouched):
// - create-plugin 7.1.7 copies only the root plugin's logos, so the nested panel's img/ would be missing from dist/
//   and Grafana would show a broken logo;
// - without `environment.globalThis` webpack emits a `new Function('return this')` fallback to find the global
//   object, which a CSP without 'unsafe-eval' reports (scripts/check-dist.mjs keeps dist/ free of it).
import type { Configuration } from 'webpack';
import CopyWebpackPlugin from 'copy-webpack-plugin';
import { merge } from 'webpack-merge';
import grafanaConfig, { type Env } from './.config/webpack/webpack.config';

const config = async (env: Env): Promise<Configuration> => {
  const baseConfig = await grafanaConfig(env);
  return merge(baseConfig, {
    output: { environment: { globalThis: true } },
    plugins: [
      new CopyWebpackPlugin({
        patterns: [{ from: 'panels/*/img/**/*', to: '.', noErrorOnMissing: false }],
      }),
    ],
  });
};

export default config;
