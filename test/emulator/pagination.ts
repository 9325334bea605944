import type { HandlerContext } from "./router.ts";

export interface Page<T> {
  items: T[];
  /** GitHub's Link header (rel next, last, first, prev), absent when everything fits one page. */
  headers: Record<string, string>;
}

/** Cuts a list the way GitHub does: per_page (default 30, at most 100) and page (from 1). */
export function paginate<T>(context: HandlerContext, items: T[]): Page<T> {
  const perPage = Math.min(100, Math.max(1, Number(context.query.per_page ?? 30)));
  const page = Math.max(1, Number(context.query.page ?? 1));
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage);

  const link = (target: number, rel: string): string => {
    const url = new URL(context.url.href);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(target));
    return `<${url.href}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(Math.min(page - 1, lastPage), "prev"));
  if (page < lastPage) links.push(link(page + 1, "next"), link(lastPage, "last"));
  if (page > 1) links.push(link(1, "first"));
  return { items: slice, headers: links.length > 0 ? { link: links.join(", ") } : {} };
}
