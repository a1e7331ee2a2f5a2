/**
 * The page's script: selecting a component (click or Enter) shows its objects, files, chart and findings, and
 * highlights its edges. Plain DOM, no dependencies; it reads the model from the page's JSON.
 */
export const PAGE_SCRIPT = `
(function () {
  var data = JSON.parse(document.getElementById('graph-data').textContent);
  var nodes = data.model.nodes.concat(data.diff ? data.diff.removedNodes : []);
  var diff = data.diff;
  var details = document.getElementById('details');
  function text(value) { var span = document.createElement('span'); span.textContent = value; return span.innerHTML; }
  function mark(path) { var change = diff && diff.objects[path]; return change ? ' <span class="change-mark-' + change + '">' + change + '</span>' : ''; }
  function show(id) {
    var node = nodes.find(function (n) { return n.id === id; });
    if (!node) return;
    document.querySelectorAll('.node').forEach(function (g) { g.classList.toggle('selected', g.getAttribute('data-component') === id); });
    document.querySelectorAll('.edge').forEach(function (e) { e.classList.toggle('dim', e.getAttribute('data-from') !== id && e.getAttribute('data-to') !== id); });
    var html = '<h3 data-selected="' + text(node.id) + '">' + text(node.id) + '</h3>';
    html += '<p>tier ' + text(node.tier) + ' · sync step ' + node.step + ' · namespace ' + text(node.namespace) + '</p>';
    if (node.library) html += '<p>library ' + text(node.library.name) + ' ' + text(node.library.version) + ' (' + node.library.source + ')</p>';
    if (node.chart) html += '<p>chart <b>' + text(node.chart.chart) + '</b> ' + text(node.chart.version) + ' from ' + text(node.chart.repoURL) + '</p>';
    if (diff && diff.reasons[node.id]) html += '<p class="change-mark-changed">' + diff.reasons[node.id].map(text).join('; ') + '</p>';
    var f = node.findings;
    html += '<p>' + f.errors + ' errors, ' + f.warnings + ' warnings, ' + f.waived + ' waived</p>';
    if (f.items.length) html += '<table class="findings"><tr><th>rule</th><th>finding</th></tr>' + f.items.map(function (i) { return '<tr><td>' + text(i.severity + ' ' + i.rule) + (i.waived ? ' (waived)' : '') + '</td><td>' + text((i.object ? i.object + ' ' : '') + (i.path ? i.path + ': ' : '') + i.message) + '</td></tr>'; }).join('') + '</table>';
    html += '<table class="objects"><tr><th>object</th><th>file</th></tr>' + node.objects.map(function (o) { return '<tr data-object="' + text(o.path) + '"><td>' + text(o.kind + '/' + o.name) + '</td><td>' + text(o.path) + mark(o.path) + '</td></tr>'; }).join('') + '</table>';
    details.innerHTML = html;
  }
  document.querySelectorAll('.node').forEach(function (g) {
    g.addEventListener('click', function () { show(g.getAttribute('data-component')); });
    g.addEventListener('keydown', function (event) { if (event.key === 'Enter') show(g.getAttribute('data-component')); });
  });
})();
`;
