/**
 * The `for=` value of each element of an RFC 7239 `Forwarded` header, left (client side)
 * to right (nearest proxy). Elements are comma-separated, their pairs semicolon-separated,
 * and a quoted-string may itself hold commas or semicolons, so this is a small tokenizer
 * rather than a split. An element without `for=` yields '' so hop positions stay aligned.
 * Returns null when the header is malformed (then it is ignored as a whole).
 */
export function parseForwardedFor(header: string): string[] | null {
  const result: string[] = [];
  let forValue = '';
  let i = 0;
  const n = header.length;
  while (i <= n) {
    // One pair: token "=" (token / quoted-string)
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
    if (i === n) break;
    const eq = header.indexOf('=', i);
    if (eq === -1) return null;
    const name = header.slice(i, eq).trim().toLowerCase();
    if (!/^[!#$%&'*+.^_`|~0-9a-z-]+$/.test(name)) return null;
    i = eq + 1;
    let value: string;
    if (header[i] === '"') {
      let j = i + 1;
      let text = '';
      while (j < n && header[j] !== '"') {
        if (header[j] === '\\' && j + 1 < n) j++;
        text += header[j];
        j++;
      }
      if (j >= n) return null; // unterminated quoted-string
      value = text;
      i = j + 1;
    } else {
      let j = i;
      while (j < n && header[j] !== ';' && header[j] !== ',') j++;
      value = header.slice(i, j).trim();
      i = j;
    }
    if (name === 'for') forValue = value;
    while (i < n && (header[i] === ' ' || header[i] === '\t')) i++;
    if (i >= n || header[i] === ',') {
      result.push(forValue);
      forValue = '';
      i++;
      if (i > n) break;
    } else if (header[i] === ';') {
      i++;
    } else {
      return null;
    }
  }
  return result;
}
