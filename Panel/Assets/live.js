// Live status: Server-Sent Events fill every [data-k] element. The stream is closed on pagehide, so
// pages kept in the back/forward cache do not hold one of the browser's few connections per host.
(function () {
  var url = document.body.getAttribute('data-live');
  if (!url) { return; }
  var source = null;
  function open() {
    source = new EventSource(url);
    source.addEventListener('status', function (e) {
      var view = JSON.parse(e.data);
      Object.keys(view).forEach(function (k) {
        document.querySelectorAll('[data-k="' + k + '"]').forEach(function (el) { el.textContent = view[k]; });
      });
      var sign = document.getElementById('sign');
      if (sign) { sign.className = 'sign ' + view.code; }
    });
    source.addEventListener('expired', function () { source.close(); window.location.href = '/login?expired=true'; });
  }
  window.addEventListener('pagehide', function () { if (source) { source.close(); source = null; } });
  window.addEventListener('pageshow', function (e) { if (e.persisted || !source) { open(); } });
})();
