// The page's own script: reads the chart specs from the JSON data block and embeds each one.
// Progress is exposed on the page (data-rendered / data-error on each chart, data-charts-done on
// <body>) so a reader, and the browser test, can tell a drawn chart from a failed one.

export const DATA_ELEMENT_ID = 'report-charts';

export const BOOT_SCRIPT = `(function () {
  'use strict';
  var charts = JSON.parse(document.getElementById('${DATA_ELEMENT_ID}').textContent);
  var pending = charts.map(function (c) {
    var el = document.getElementById('vis-' + c.id);
    return vegaEmbed(el, c.spec, { actions: false, renderer: 'svg' }).then(
      function () { el.setAttribute('data-rendered', 'true'); },
      function (err) {
        el.setAttribute('data-error', String(err));
        var p = document.createElement('p');
        p.className = 'chart-error';
        p.textContent = 'This chart could not be drawn: ' + String(err);
        el.appendChild(p);
        console.error('chart ' + c.id + ': ' + String(err));
      }
    );
  });
  Promise.all(pending).then(function () { document.body.setAttribute('data-charts-done', String(charts.length)); });
})();`;
