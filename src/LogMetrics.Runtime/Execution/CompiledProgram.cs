using System.Collections.Concurrent;
using LogMetrics.Language.Binding;
using LogMetrics.Lines;
using LogMetrics.Metrics;
using LogMetrics.Runtime.Codegen;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Execution;

/// <summary>One loaded version of a program: its closures, its families and the registers its thread reuses.</summary>
internal sealed class CompiledProgram
{
    private readonly Func<LineContext, bool> _body;
    private readonly LineContext _context;
    private readonly Prematcher? _prematcher;
    private readonly PrematchGovernor _governor = new();

    // How a batch's prematching starts, chosen once: the test switch PrematchEveryLine is not looked at per batch.
    private readonly Func<LineBatch, Prematcher.Work?> _startPrematch;

    // Batches whose prematching started when they were queued (Prepare), until Run takes them.
    private readonly ConcurrentDictionary<LineBatch, Prematcher.Work> _prepared = new(ReferenceEqualityComparer.Instance);

    // Set once batches come through Prepare (a worker queue): Run then starts no helper itself.
    private volatile bool _queued;

    public CompiledProgram(BoundProgram program, IReadOnlyDictionary<MetricSymbol, MetricFamily> families, EngineOptions options)
    {
        Families = families.Values.ToList();
        var compiler = new ProgramCompiler(program, families, options);
        _body = compiler.CompileBlock(program.Body);
        _prematcher = options.Prematch && (Environment.ProcessorCount > 1 || options.PrematchEveryLine) ? compiler.CreatePrematcher(program) : null;
        _startPrematch = _prematcher is null ? static _ => null : options.PrematchEveryLine ? StartAndWait : StartIfWanted;
        _context = new LineContext(program.Patterns.Count, program.StructuredPatterns.Select(p => new StructuredFields(p.Fields.Count)).ToArray());
        HasStructuredPatterns = program.StructuredPatterns.Count > 0;
    }

    public IReadOnlyList<MetricFamily> Families { get; }

    /// <summary>Whether the program decodes json or logfmt (its undecoded lines are then reported, 0 included).</summary>
    public bool HasStructuredPatterns { get; }

    /// <summary>Called when a batch is queued for this program: starts prematching it on the helper, if the governor
    /// wants the helper now.</summary>
    public void Prepare(LineBatch batch)
    {
        _queued = true;
        if (_prematcher is not null && batch.Count >= Prematcher.MinLines && _governor.WantHelper)
        {
            _prepared[batch] = _prematcher.Start(batch);
        }
    }

    /// <summary>Runs every line of a batch; calls onError for each line that ended with a runtime error.</summary>
    public void Run(LineBatch batch, ProgramState state, Action<string, string> onError)
    {
        var ctx = _context;
        ctx.Text = batch.Text;
        ctx.Source = batch.Source;
        ctx.ReadTimeMs = batch.ReadTimeMs;
        var starts = batch.Starts;
        var lengths = batch.Lengths;
        var governed = _prematcher is not null && batch.Count >= Prematcher.MinLines;
        ctx.Prematch = _startPrematch(batch);

        var started = governed ? PrematchGovernor.Now() : 0;
        long matched = 0;
        long undecoded = 0;
        for (var i = 0; i < batch.Count; i++)
        {
            ctx.BeginLine(starts[i], lengths[i]);
            ctx.LineIndex = i;
            try
            {
                _body(ctx);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                // Never throw out of the engine: an unexpected failure is this line's runtime error.
                ctx.Fail(e.Message);
            }

            if (ctx.LineMatched)
            {
                matched++;
            }

            if (ctx.Undecoded)
            {
                undecoded++;
            }

            if (ctx.Error is not null)
            {
                onError(batch.Source, ctx.Error);
            }
        }

        ctx.ReleaseMatches();
        if (governed)
        {
            _governor.Record(ctx.Prematch is not null, PrematchGovernor.Now() - started, batch.Count);
        }

        // Every line is done, so the helper writes nothing more into this batch's positions.
        ctx.Prematch?.ReturnSpans();

        ctx.Prematch = null;
        Interlocked.Add(ref state.LinesProcessed, batch.Count);
        Interlocked.Add(ref state.LinesMatched, matched);
        if (undecoded > 0)
        {
            Interlocked.Add(ref state.LinesUndecoded, undecoded);
        }
    }

    // Queued by a worker, the batch was prepared (or not) then; run inline, it is started here.
    private Prematcher.Work? StartIfWanted(LineBatch batch) =>
        _prepared.TryRemove(batch, out var work) ? work
        : batch.Count >= Prematcher.MinLines && _governor.WantHelper && !_queued ? _prematcher!.Start(batch) : null;

    // Tests only: every batch long enough is prematched and waited for, so what the program reads is the helper's work.
    private Prematcher.Work? StartAndWait(LineBatch batch)
    {
        var work = StartIfWanted(batch) ?? (batch.Count >= Prematcher.MinLines ? _prematcher!.Start(batch) : null);
        work?.WaitForHelper();
        return work;
    }
}
