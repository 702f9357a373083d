// Paginated AWS list calls as async generators: REST (v1) pages carry `position`, v2 pages `NextToken`. A page is
// fetched only when the consumer reaches it, so a view can show the first APIs of an account with 500 of them at once.

/**
 * The items of every page: `fetchPage(token)` gets one page (token undefined for the first), `itemsOf` its items,
 * `nextOf` the token of the next page. Stops when there is no next token, or when a page hands back a token already
 * seen (a server that repeats itself must not make us loop for ever).
 */
export async function* paginate<Page, Item>(
  fetchPage: (token: string | undefined) => Promise<Page>,
  itemsOf: (page: Page) => readonly Item[] | undefined,
  nextOf: (page: Page) => string | undefined,
): AsyncGenerator<Item, void, undefined> {
  const seen = new Set<string>();
  let token: string | undefined;
  for (;;) {
    const page = await fetchPage(token);
    yield* itemsOf(page) ?? [];
    token = nextOf(page);
    if (!token || seen.has(token)) return;
    seen.add(token);
  }
}

/** Every item of an async iterable, in order. */
export async function collect<T>(items: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of items) out.push(item);
  return out;
}
