import type { Socket } from "node:net";

/**
 * Answers requests Node's HTTP parser rejects before Express sees them (headers over the limit, malformed
 * request lines) with problem+json too, instead of a bare status line.
 */
export function answerClientError(err: Error & { code?: string }, socket: Socket): void {
  if (!socket.writable) {
    socket.destroy();
    return;
  }
  const tooLarge = err.code === "HPE_HEADER_OVERFLOW";
  const status = tooLarge ? 431 : 400;
  const title = tooLarge ? "Request header fields too large" : "Bad request";
  const body = JSON.stringify({
    type: `https://enterprisehub.dev/problems/${tooLarge ? "request-header-fields-too-large" : "bad-request"}`,
    title,
    status,
    detail: tooLarge
      ? "the request line and headers are over the server's limit"
      : "the request could not be parsed",
  });
  socket.end(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
