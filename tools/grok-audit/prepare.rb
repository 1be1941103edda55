# Prepares an audit run: compares the text of every definition of our library with logstash's legacy patterns
# (printing each name that differs), and writes the patterns (%{NAME} and %{NAME:f} for every legacy name) and the
# inputs (every distinct input of the grok vector files, plus probes.txt) as JSON for oracle.rb and Audit.cs.
# usage: ruby prepare.rb LEGACY_PATTERNS_DIR OUR_PATTERN_FILE VECTORS_DIR PROBES_FILE OUT_DIR
require "json"

def read_definitions(paths)
  definitions = {}
  paths.each do |path|
    File.foreach(path) do |line|
      next if line =~ /^\s*#/
      name, pattern = line.gsub(/^\s*/, "").split(/\s+/, 2)
      next if pattern.nil?
      definitions[name] = pattern.chomp
    end
  end
  definitions
end

legacy_dir, ours_file, vectors_dir, probes_file, out = ARGV
theirs = read_definitions(Dir.glob(File.join(legacy_dir, "*")).sort)
ours = read_definitions([ours_file])
(theirs.keys - ours.keys).each { |name| puts "missing: #{name}" }
(ours.keys - theirs.keys).each { |name| puts "extra: #{name}" }
different = theirs.keys.select { |name| ours.key?(name) && ours[name] != theirs[name] }
different.each { |name| puts "text differs: #{name}\n  logstash:   #{theirs[name].inspect}\n  LogMetrics: #{ours[name].inspect}" }
puts "#{theirs.size} legacy names, #{ours.size} built-in; #{different.size} read differently"

inputs = Dir.glob(File.join(vectors_dir, "vectors*.jsonl")).sort.flat_map do |file|
  File.readlines(file).reject { |l| l.strip.empty? }.map { |l| JSON.parse(l)["input"] }
end
inputs += File.readlines(probes_file, chomp: true)
inputs = inputs.uniq.sort
patterns = theirs.keys.sort.flat_map { |name| ["%{#{name}}", "%{#{name}:f}"] }
File.write(File.join(out, "patterns.json"), JSON.generate(patterns))
File.write(File.join(out, "inputs.json"), JSON.generate(inputs))
puts "#{patterns.size} patterns x #{inputs.size} inputs"
