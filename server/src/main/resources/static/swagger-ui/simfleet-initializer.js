// Swagger UI on the two descriptions this server serves (docs/openapi.md). The validator badge
// is off: it would send the description to an online service.
window.onload = function () {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: "../openapi/sft.yaml", name: "SFT Endpoint API (/api)" },
      { url: "../openapi/admin.yaml", name: "Operator API (/admin) and health" }
    ],
    "urls.primaryName": "SFT Endpoint API (/api)",
    dom_id: "#swagger-ui",
    deepLinking: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout"
  });
};
