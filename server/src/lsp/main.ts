import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server';

// Transport (stdio, IPC or socket) is chosen from the command line by vscode-languageserver:
// `node dist/server.js --stdio` for tests and other editors, `--node-ipc` from the VS Code client.
const connection = createConnection(ProposedFeatures.all);
startServer(connection);
