// What the CLI bundle gets for 'vscode-languageserver-protocol' (scripts/build.mjs): the CLI never
// speaks LSP, it only shares the service, whose modules import constants from server/src/protocol/,
// which defines its request types with this library. The library pulls in vscode-jsonrpc, streams and
// node:crypto — about a third of the CLI's start-up — so the request types are plain records here.
class MessageType {
  constructor(method) {
    this.method = method;
  }
}
export class RequestType extends MessageType {}
export class RequestType0 extends MessageType {}
export class NotificationType extends MessageType {}
export class NotificationType0 extends MessageType {}
