# Logstash grok on Onigmo: expands %{NAME:field:type} as jls-grok's Grok#compile does (named captures only, Ruby's
# Regexp::MULTILINE, unanchored search) with the pattern files of a directory, and prints one JSON line per
# (pattern, input) pair: {"p":i,"i":j,"m":bool,"c":{field:value}}; a field keeps its last non-empty capture.
# usage: ruby oracle.rb PATTERNS_DIR PATTERNS_JSON INPUTS_JSON > results.jsonl
require "json"

# Onigmo warns about SHOREWALL's `.?*` (read as `.*`, as in logstash); the warning is not a result.
$VERBOSE = nil

PATTERN_RE = /%\{(?<name>(?<pattern>[A-z0-9]+)(?::(?<subname>[@\[\]A-z0-9_:.-]+))?)(?:=(?<definition>(?:(?:[^{}\\]+|\\.+)+|(?<curly>\{(?:(?>[^{}]+|(?>\\[{}])+)|(\g<curly>))*\})+)+))?[^}]*\}/x

definitions = {}
Dir.glob(File.join(ARGV[0], "*")).sort.each do |path|
  File.foreach(path) do |line|
    next if line =~ /^\s*#/
    name, pattern = line.gsub(/^\s*/, "").split(/\s+/, 2)
    next if pattern.nil?
    definitions[name] = pattern.chomp
  end
end

def compile(text, definitions)
  expanded = text.dup
  fields = {}
  index = 0
  10_000.times do
    m = PATTERN_RE.match(expanded)
    return [Regexp.new(expanded, Regexp::MULTILINE), fields] unless m
    regex = definitions.fetch(m["pattern"]) { raise "pattern #{m[0]} not defined" }
    replacement = if m["name"].index(":").nil?
      "(?:#{regex})"
    else
      fields["a#{index}"] = m["subname"].split(":").first
      "(?<a#{index}>#{regex})"
    end
    index += 1 unless m["name"].index(":").nil?
    expanded.sub!(m[0]) { replacement }
  end
  raise "deep recursion in #{text}"
end

patterns = JSON.parse(File.read(ARGV[1]))
inputs = JSON.parse(File.read(ARGV[2]))
$stdout.sync = false
patterns.each_with_index do |text, p|
  regexp, fields = compile(text, definitions)
  groups = regexp.named_captures.flat_map { |group, numbers| numbers.map { |n| [n, fields.fetch(group, group)] } }.sort
  inputs.each_with_index do |input, i|
    m = regexp.match(input)
    captures = {}
    if m
      groups.each do |n, field|
        value = m[n]
        captures[field] = value if value && !value.empty?
      end
    end
    puts JSON.generate({ "p" => p, "i" => i, "m" => !m.nil?, "c" => captures })
  end
end
