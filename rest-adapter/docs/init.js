// Renders /openapi.json into the reference page; kept out of the HTML so a strict CSP allows it.
window.SwaggerUIBundle({ url: '/openapi.json', dom_id: '#reference', deepLinking: true });
