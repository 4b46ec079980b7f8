// The dashboard's chart of endpoints by state; its numbers come from the page's own table (data-* attributes).
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('endpoint-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  var labels = (canvas.dataset.labels || '').split('|');
  var values = (canvas.dataset.values || '').split('|').map(Number);
  new Chart(canvas, {
    type: 'bar',
    data: { labels: labels, datasets: [{ label: 'Endpoints', data: values, backgroundColor: '#1f6feb' }] },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
               plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
  });
});
