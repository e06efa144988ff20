/**
 * REST paging as GitHub does it: `per_page` (default 30, at most 100) and `page`, with a Link
 * header (first/prev/next/last) built on the URL the client used, so octokit.paginate follows it.
 */
import type { FakeRequest, FakeResponse } from "../router.js";

export function pageOf<T>(request: FakeRequest, items: readonly T[]): { items: T[]; headers: Record<string, string> } {
  const perPage = Math.min(Math.max(Number(request.query.per_page) || 30, 1), 100);
  const page = Math.max(Number(request.query.page) || 1, 1);
  const lastPage = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (target: number, rel: string) => {
    const url = new URL(request.url);
    url.searchParams.set("per_page", String(perPage));
    url.searchParams.set("page", String(target));
    return `<${url.toString()}>; rel="${rel}"`;
  };
  const links: string[] = [];
  if (page > 1) links.push(link(page - 1, "prev"));
  if (page < lastPage) links.push(link(page + 1, "next"), link(lastPage, "last"));
  if (page > 1) links.push(link(1, "first"));
  const headers: Record<string, string> = links.length ? { link: links.join(", ") } : {};
  return { items: items.slice((page - 1) * perPage, page * perPage), headers };
}

export function pagedResponse<T>(request: FakeRequest, items: readonly T[], shape: (item: T) => unknown): FakeResponse {
  const { items: slice, headers } = pageOf(request, items);
  return { status: 200, body: slice.map(shape), headers };
}
