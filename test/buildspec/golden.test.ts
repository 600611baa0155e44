import { goldenTests } from '../golden';
import { buildspecFindings } from './helpers';

/** Buildspec fixtures (test/fixtures/buildspec, layout and `UPDATE=1` in test/golden.ts). */
goldenTests({
  kind: 'buildspec',
  fixture: /\.ya?ml$/,
  analyse: (_file, text) => ({ findings: buildspecFindings(text) }),
});
