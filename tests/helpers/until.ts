/** Polls `check` every 10 ms until it holds (true) or `ms` have passed (false): for effects that arrive asynchronously, like PostgreSQL notifications. */
export async function until(check: () => Promise<boolean>, ms = 3000): Promise<boolean> {
  const start = Date.now();
  while (Date.now() - start < ms) {
    if (await check()) return true;
    await new Promise((r) => setTimeout(r, 10));
  }
  return false;
}
