/** Escaping and the page shell shared by the form's views. Every dynamic value goes through `esc`. */

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!);
}

const STYLE = `
body{font:16px/1.5 system-ui,sans-serif;margin:0;color:#1b1f24;background:#f6f8fa}
main{max-width:44rem;margin:0 auto;padding:1.5rem;background:#fff}
h1{font-size:1.6rem}
fieldset{border:1px solid #d0d7de;border-radius:6px;margin:1.25rem 0;padding:1rem}
legend{font-weight:600;padding:0 .25rem}
.field{margin:1rem 0}
label{display:block;font-weight:600}
.choice label{display:inline;font-weight:600}
.hint{color:#57606a;margin:.15rem 0 .35rem}
.error{color:#b3261e;font-weight:600;margin:.15rem 0}
input[type=text],input[type=email],select,textarea{width:100%;box-sizing:border-box;font:inherit;padding:.4rem;border:1px solid #8c959f;border-radius:4px}
textarea{min-height:8rem}
[aria-invalid=true]{border:2px solid #b3261e}
:focus{outline:3px solid #0969da;outline-offset:2px}
button{font:inherit;padding:.5rem 1.25rem;background:#1f883d;color:#fff;border:0;border-radius:6px;cursor:pointer}
.summary{border:2px solid #b3261e;padding:.75rem 1rem;border-radius:6px}
.hp{position:absolute;left:-10000px;width:1px;height:1px;overflow:hidden}
`;

export function page(lang: string, title: string, content: string): string {
  return `<!doctype html>
<html lang="${esc(lang)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

/** The page's security headers: no scripts at all, posts only to ourselves, never framed. */
export const HTML_HEADERS = {
  "content-type": "text/html; charset=utf-8",
  "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  "x-content-type-options": "nosniff",
  "referrer-policy": "same-origin",
  "cache-control": "no-store",
} as const;
