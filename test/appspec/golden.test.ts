import { TextDocument } from 'vscode-languageserver-textdocument';
import { analyzeAppSpec } from '../../server/src/service/appspec/analyze';
import { goldenTests } from '../golden';

/**
 * AppSpec fixtures (test/fixtures/appspec, layout and `UPDATE=1` in test/golden.ts), in YAML or
 * JSON by their extension. The golden file starts with the detected platform and where it came from
 * (or "not an AppSpec" for a JSON file that has none of the AppSpec's keys).
 */
goldenTests({
  kind: 'appspec',
  fixture: /\.(ya?ml|json)$/i,
  analyse(file, text) {
    const json = file.endsWith('.json');
    const analysis = analyzeAppSpec(TextDocument.create(`file://${file}`, json ? 'json' : 'yaml', 1, text), json);
    // A JSON file with none of the AppSpec's keys is given up: no platform, no findings.
    if (!analysis) return { header: 'not an AppSpec', findings: [] };
    return { header: `platform: ${analysis.platform} (${analysis.platformSource})`, findings: analysis.findings };
  },
});
