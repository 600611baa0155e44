import * as path from 'node:path';
import { isPolicyKind } from '../../server/src/service/iam/detect';
import { goldenTests } from '../golden';
import { analyze } from '../helpers';

/**
 * IAM policy fixtures (test/fixtures/iam, layout and `UPDATE=1` in test/golden.ts). The golden file
 * starts with the detected kind; a fixture named `kind-<kind>-…` is analysed as that kind.
 */
goldenTests({
  kind: 'iam',
  fixture: /\.json$/,
  analyse(file, text) {
    const kindMatch = /^kind-([a-z]+)-/.exec(path.basename(file));
    const kind = kindMatch && isPolicyKind(kindMatch[1]) ? kindMatch[1] : undefined;
    const analysis = analyze(text, kind);
    return { header: `kind: ${analysis.kind}`, findings: analysis.findings };
  },
});
