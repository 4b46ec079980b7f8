// Usage charts (dashboard, Statistics): data in MB and SMS per day, read from the canvas's data-* attributes
// (data-labels, data-data, data-sms: '|'-separated). No inline script: the CSP allows only the server's files.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof Chart === 'undefined') return;
  document.querySelectorAll('canvas.usage-chart').forEach(function (canvas) {
    var split = function (v) { return v ? v.split('|') : []; };
    var labels = split(canvas.dataset.labels);
    new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [
        { label: 'Data (MB)', data: split(canvas.dataset.data).map(Number), backgroundColor: '#1f6feb', yAxisID: 'y' },
        { label: 'SMS', data: split(canvas.dataset.sms).map(Number), type: 'line', borderColor: '#bf8700',
          backgroundColor: '#bf8700', yAxisID: 'sms' } ] },
      options: { responsive: true, maintainAspectRatio: false, animation: false,
                 scales: { y: { beginAtZero: true, position: 'left', title: { display: true, text: 'MB' } },
                           sms: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 },
                                  title: { display: true, text: 'SMS' } } } }
    });
  });
});
