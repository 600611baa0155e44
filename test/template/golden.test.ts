import * as path from 'node:path';
import { goldenTests } from '../golden';
import { testService } from '../helpers';
import { templateDocument, templateFindings } from './helpers';

/** Template fixtures (test/fixtures/template, layout and `UPDATE=1` in test/golden.ts); the header is the status label. */
goldenTests({
  kind: 'template',
  fixture: /\.(ya?ml|json)$/,
  analyse: (file, text) => {
    const document = templateDocument(text, path.basename(file));
    const status = testService().status(document);
    return { header: `${status.documentType}: ${status.label}`, findings: templateFindings(document) };
  },
});
