/** A Prometheus text exposition read back: one sample's value by name and labels (0 when absent, as Prometheus would not know it yet). */
export async function scrape(
  baseUrl: string,
  token?: string,
): Promise<{ text: string; value(name: string, labels?: Record<string, string>): number }> {
  const res = await fetch(`${baseUrl}/metrics`, token ? { headers: { authorization: `Bearer ${token}` } } : {});
  if (res.status !== 200) throw new Error(`/metrics answered ${res.status}`);
  const text = await res.text();
  const value = (name: string, labels: Record<string, string> = {}) => {
    for (const line of text.split("\n")) {
      const m = /^([a-z_:]+)(\{([^}]*)\})? (\S+)$/.exec(line);
      if (!m || m[1] !== name) continue;
      const have = Object.fromEntries([...(m[3] ?? "").matchAll(/(\w+)="([^"]*)"/g)].map((l) => [l[1], l[2]]));
      if (Object.entries(labels).every(([k, v]) => have[k] === v)) return Number(m[4]);
    }
    return 0;
  };
  return { text, value };
}

/** Wait until a condition holds (what another process does shows up asynchronously); fails after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms = 20_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`condition not reached within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
