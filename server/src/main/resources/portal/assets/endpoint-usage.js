// The endpoint page's USAGE chart: data (MB) and SMS per day, read from the canvas's data-* attributes (the table has the numbers).
document.addEventListener('DOMContentLoaded', function () {
  var canvas = document.getElementById('usage-chart');
  if (!canvas || typeof Chart === 'undefined') return;
  var split = function (v) { return (v || '').split('|').filter(function (x) { return x !== ''; }); };
  new Chart(canvas, {
    data: {
      labels: split(canvas.dataset.labels),
      datasets: [
        { type: 'bar', label: 'Data (MB)', data: split(canvas.dataset.data).map(Number), backgroundColor: '#1f6feb', yAxisID: 'y' },
        { type: 'line', label: 'SMS', data: split(canvas.dataset.sms).map(Number), borderColor: '#bf8700', backgroundColor: '#bf8700', yAxisID: 'y1' }
      ]
    },
    options: { responsive: true, maintainAspectRatio: false, animation: false,
               scales: { y: { beginAtZero: true, position: 'left', title: { display: true, text: 'MB' } },
                         y1: { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false }, ticks: { precision: 0 }, title: { display: true, text: 'SMS' } } } }
  });
});
