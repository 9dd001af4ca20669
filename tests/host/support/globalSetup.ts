import { DIST, missingDistFiles } from './paths';

/**
 * The host tests test the BUILT plugin, exactly the files Grafana would load. They never build it themselves
 * (the root test command builds first), so a missing dist/ is a clear setup error, not a confusing test failure.
 */
export default function globalSetup(): void {
  const missing = missingDistFiles();
  if (missing.length > 0) {
    throw new Error(
      `Hotpath host tests: the built plugin is missing (${missing.map((f) => `dist/${f}`).join(', ')} in ${DIST}). ` +
        'Run `npm run build` first (the root `npm test` does), then re-run the host tests.'
    );
  }
}
