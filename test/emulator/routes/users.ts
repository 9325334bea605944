import { ApiError } from "../api-error.ts";
import type { Route } from "../router.ts";
import { userView } from "../views.ts";

/**
 * GET /user: the token's own account. A GitHub App's installation token (the GITHUB_TOKEN
 * included) has no user, and GitHub answers it 403 "Resource not accessible by integration".
 */
const getAuthenticated: Route = {
  operationId: "users/get-authenticated",
  handle: ({ state, options }) => {
    if (options.actor.type !== "User") throw new ApiError(403, "Resource not accessible by integration");
    return {
      status: 200,
      body: {
        ...userView(state, options.actor),
        name: null,
        company: null,
        blog: "",
        location: null,
        email: null,
        hireable: null,
        bio: null,
        public_repos: 1,
        public_gists: 0,
        followers: 0,
        following: 0,
        created_at: "2020-01-01T00:00:00Z",
        updated_at: "2026-01-01T00:00:00Z",
      },
    };
  },
};

export const userRoutes: Route[] = [getAuthenticated];
