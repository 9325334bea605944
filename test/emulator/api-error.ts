/** One item of a 422 "Validation Failed" answer, as GitHub words them. */
export interface ValidationItem {
  resource?: string;
  field?: string;
  code: string;
  message?: string;
  [extra: string]: unknown;
}

/**
 * An error answer, thrown by a route. The server completes it into GitHub's shape
 * ({message, documentation_url, status}) with the operation's documentation URL.
 */
export class ApiError extends Error {
  readonly status: number;
  readonly extra: ApiErrorExtra;

  constructor(status: number, message: string, extra: ApiErrorExtra = {}) {
    super(message);
    this.status = status;
    this.extra = extra;
  }
}

export interface ApiErrorExtra {
  errors?: ValidationItem[];
  headers?: Record<string, string>;
  documentationUrl?: string;
}

export const notFound = (): ApiError => new ApiError(404, "Not Found");

export const validationFailed = (...errors: ValidationItem[]): ApiError =>
  new ApiError(422, "Validation Failed", { errors });
