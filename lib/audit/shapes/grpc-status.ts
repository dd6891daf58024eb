// GKE logs a google.rpc.Code, not the HTTP status; each maps back to the HTTP status that
// google.rpc's code.proto gives it. Lossy (201 and 200 are both OK, 422 and 400 both
// INVALID_ARGUMENT), so gke.ts prefers the code of a Kubernetes Status response.

/** Index: the gRPC code (0 OK … 16 UNAUTHENTICATED); value: its HTTP status. */
const HTTP_STATUS_BY_GRPC_CODE: readonly number[] = [
  200, // 0 OK
  499, // 1 CANCELLED: the client closed the request
  500, // 2 UNKNOWN
  400, // 3 INVALID_ARGUMENT (Kubernetes' 422 Invalid also lands here)
  504, // 4 DEADLINE_EXCEEDED
  404, // 5 NOT_FOUND
  409, // 6 ALREADY_EXISTS
  403, // 7 PERMISSION_DENIED
  429, // 8 RESOURCE_EXHAUSTED
  400, // 9 FAILED_PRECONDITION
  409, // 10 ABORTED: Kubernetes' 409 Conflict and AlreadyExists, as GKE logs them
  400, // 11 OUT_OF_RANGE
  501, // 12 UNIMPLEMENTED
  500, // 13 INTERNAL
  503, // 14 UNAVAILABLE
  500, // 15 DATA_LOSS
  401, // 16 UNAUTHENTICATED
];

/** The HTTP status of a gRPC code; undefined for a code outside 0–16. */
export function httpStatusOfGrpcCode(code: number): number | undefined {
  return Number.isInteger(code) ? HTTP_STATUS_BY_GRPC_CODE[code] : undefined;
}
