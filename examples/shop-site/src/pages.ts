import type { Product } from './catalogue.js';

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const searchBox = (query = '') => `<form action="/search" method="get" role="search">
  <input name="q" value="${escapeHtml(query)}" placeholder="Search the shop"> <button>Search</button></form>`;

export function layout(title: string, body: string, query?: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)} · Lantern Outfitters</title>
<link rel="stylesheet" href="/static/style.css"></head><body>
<header><a href="/">Lantern Outfitters</a> ${searchBox(query)} <a href="/login">Sign in</a></header>
<main>${body}</main></body></html>`;
}

export function productList(products: readonly Product[]): string {
  if (products.length === 0) return '<p>Nothing matches.</p>';
  return `<ul>${products.map((p) => `<li><a href="/products/${p.id}">${escapeHtml(p.name)}</a> — €${p.price.toFixed(2)}</li>`).join('')}</ul>`;
}

export function productPage(p: Product): string {
  return `<h1>${escapeHtml(p.name)}</h1><p>${escapeHtml(p.description)}</p><p>€${p.price.toFixed(2)}</p>`;
}

export const loginForm = (message = '') => `<h1>Sign in</h1>${message ? `<p class="error">${escapeHtml(message)}</p>` : ''}
<form action="/login" method="post"><label>User <input name="username" autocomplete="username"></label>
<label>Password <input name="password" type="password" autocomplete="current-password"></label> <button>Sign in</button></form>`;
