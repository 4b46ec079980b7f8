// The portal's one script of its own (no inline scripts: the CSP allows only the server's files).
// htmx sends the CSRF token of the page's meta tags with every request it makes.
document.addEventListener('htmx:configRequest', function (e) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) e.detail.headers[header.content] = token.content;
});
