// Swagger UI over this server's OpenAPI document (api.html); a classic script: the bundle defines SwaggerUIBundle.
window.addEventListener('DOMContentLoaded', () => {
  window.SwaggerUIBundle({
    url: '/openapi.json',
    dom_id: '#swagger',
    deepLinking: true,
    // no call to an external validator: the page works offline
    validatorUrl: null,
  });
});
