// Tokenizes every .rules and .mtail program of the repository (and mtail's examples when installed) with the
// TextMate grammar, through vscode-textmate and the Oniguruma engine VS Code uses. Fails when the grammar does not
// load, a line throws, a regex or string is left open at the end of a line, or a non-blank character gets no scope
// of its own (only the file's `source.rules`).
'use strict';
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const here = __dirname;
const root = path.resolve(here, '..', '..', '..');
const grammarPath = path.join(here, '..', 'rules.tmLanguage.json');

function programs(dir, found) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (['node_modules', 'bin', 'obj', '.git'].includes(entry.name)) continue;
    // mtail's compiler test inputs and fuzz seeds: deliberately malformed programs (stray `$`, U+2424), not programs to edit.
    if (entry.name === 'CompilerCases') continue;
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) programs(full, found);
    else if (/\.(rules|mtail)$/.test(entry.name)) found.push(full);
  }
  return found;
}

async function main() {
  const wasm = fs.readFileSync(path.join(path.dirname(require.resolve('vscode-oniguruma')), 'onig.wasm')).buffer;
  await oniguruma.loadWASM(wasm);
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async (scopeName) =>
      scopeName === 'source.rules' ? vsctm.parseRawGrammar(fs.readFileSync(grammarPath, 'utf8'), grammarPath) : null,
  });
  const grammar = await registry.loadGrammar('source.rules');
  if (!grammar) throw new Error('the grammar did not load');

  const files = programs(root, []);
  const examples = '/usr/share/doc/mtail/examples';
  if (fs.existsSync(examples)) {
    for (const name of fs.readdirSync(examples)) if (name.endsWith('.mtail')) files.push(path.join(examples, name));
  }
  if (files.length === 0) throw new Error('no programs found under ' + root);

  const problems = [];
  let lines = 0;
  for (const file of files) {
    let state = vsctm.INITIAL;
    const text = fs.readFileSync(file, 'utf8').split('\n');
    text.forEach((line, index) => {
      lines++;
      const result = grammar.tokenizeLine(line, state);
      for (const token of result.tokens) {
        const piece = line.slice(token.startIndex, token.endIndex);
        if (piece.trim() !== '' && token.scopes.length < 2) {
          problems.push(`${file}:${index + 1}:${token.startIndex + 1}: no scope for '${piece}'`);
        }
      }
      state = result.ruleStack;
      if (state.depth > 1) {
        problems.push(`${file}:${index + 1}: a rule is still open at the end of the line`);
        state = vsctm.INITIAL;
      }
    });
  }

  // Spot checks: the scope each of these pieces must get.
  const expectations = [
    ['x = a / b', '/', 'keyword.operator.arithmetic.rules'],
    ['x = $1 / 2', '/', 'keyword.operator.arithmetic.rules'],
    ['/^(?P<code>\\d+) %{WORD:verb}/ {', '%{WORD:verb}', 'variable.other.grok.rules'],
    ['/^(?P<code>\\d+) %{WORD:verb}/ {', '(?P<code>', 'entity.name.tag.group.rules'],
    ['$x =~ /a\\/b/ {', 'a', 'string.regexp.rules'],
    ['const P /foo/', 'foo', 'string.regexp.rules'],
    ['counter requests_total by method help "Requests."', 'requests_total', 'entity.name.variable.metric.rules'],
    ['counter requests_total by method help "Requests."', 'help', 'keyword.other.clause.rules'],
    ['  c[$code]++ # count it', '# count it', 'comment.line.number-sign.rules'],
    ['  del c[$code] after 1h', '1h', 'constant.numeric.duration.rules'],
    ['  strptime($t, "2006")', 'strptime', 'support.function.builtin.rules'],
    ['@syslog {', '@syslog', 'entity.name.function.decorator.rules'],
  ];
  for (const [line, piece, scope] of expectations) {
    const tokens = grammar.tokenizeLine(line, vsctm.INITIAL).tokens;
    const at = line.indexOf(piece);
    const token = tokens.find((t) => t.startIndex <= at && at < t.endIndex);
    if (!token || !token.scopes.includes(scope)) {
      problems.push(`'${line}': '${piece}' has scopes ${token ? token.scopes.join(' ') : 'none'}, expected ${scope}`);
    }
  }

  if (problems.length > 0) {
    console.error(problems.slice(0, 50).join('\n'));
    console.error(`${problems.length} problem(s) in ${files.length} programs`);
    process.exit(1);
  }
  console.log(`ok: ${files.length} programs, ${lines} lines tokenized`);
}

main().catch((e) => { console.error(e.stack || String(e)); process.exit(1); });
