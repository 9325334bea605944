import type { Route } from "../router.ts";
import { fullRepositoryView } from "../views.ts";

/** The repository itself (the server has already answered 404 for any other owner/name). */
const getRepository: Route = {
  operationId: "repos/get",
  handle: (context) => ({ status: 200, body: fullRepositoryView(context.state) }),
};

export const repositoryRoutes: Route[] = [getRepository];
