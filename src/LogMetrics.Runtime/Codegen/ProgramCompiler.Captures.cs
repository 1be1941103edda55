using System.Text.RegularExpressions;
using LogMetrics.Language.Binding;
using LogMetrics.Runtime.Execution;
using LogMetrics.Runtime.Matching;

namespace LogMetrics.Runtime.Codegen;

internal sealed partial class ProgramCompiler
{
    /// <summary>A String capture read as text needs no parsing: its raw group text is used. An Int or Float capture
    /// converted to String is not raw: mtail parses it and formats the number (string of "+6" is "6", of "1000000.5" is "1.0000005e+06").</summary>
    private static BoundCaptureReference? RawCapture(BoundExpression expression) => expression switch
    {
        BoundCaptureReference { Type: BoundType.String } capture => capture,
        BoundConversionExpression { Type: BoundType.String, Operand: BoundCaptureReference { Type: BoundType.String } capture } => capture,
        _ => null,
    };

    /// <summary>Any capture passed where a String is expected, as its raw text.</summary>
    private static BoundCaptureReference? RawCaptureOfAnyType(BoundExpression expression) => expression switch
    {
        BoundCaptureReference { Type: BoundType.String } capture => capture,
        BoundConversionExpression { Type: BoundType.String, Operand: BoundCaptureReference capture } => capture,
        _ => null,
    };

    /// <summary>A capture reference as the closures read it: its pattern slot and its groups' .NET numbers.</summary>
    private sealed class CaptureRead(int slot, int[] groups, string? field)
    {
        public readonly int Slot = slot;

        /// <summary>.NET group numbers, in RE2 order (a name can stand for several groups); for a field, its number.</summary>
        public readonly int[] Groups = groups;

        /// <summary>For a field of a structured pattern (Slot is then its slot): its path, for the missing-field error.</summary>
        public readonly string? Field = field;
    }

    private CaptureRead Read(BoundCaptureReference capture)
    {
        if (capture.Field is not null)
        {
            return new CaptureRead(capture.Slot, capture.Groups.ToArray(), capture.Field.Text);
        }

        var netGroups = NetGroups[capture.Slot];
        return new CaptureRead(capture.Slot, capture.Groups.Select(g => netGroups[g]).ToArray(), null);
    }

    /// <summary>The capture's text; false when none of its groups took part in the match (or its pattern did not run).
    /// Of several groups with one name, the last that took part with a non-empty text wins, else the last that took part.</summary>
    private static bool TryCapture(LineContext ctx, CaptureRead capture, out ReadOnlySpan<char> value)
    {
        if (capture.Field is not null)
        {
            return ctx.Fields[capture.Slot].TryGet(capture.Groups[0], out value);
        }

        value = default;
        var match = ctx.Matches[capture.Slot];
        if (match is null && ctx.Spans[capture.Slot] is null)
        {
            return false;
        }

        var groups = capture.Groups;
        if (groups.Length == 1)
        {
            return TryGroup(ctx, match, capture.Slot, groups[0], out value);
        }

        var participated = false;
        for (var i = groups.Length - 1; i >= 0; i--)
        {
            if (TryGroup(ctx, match, capture.Slot, groups[i], out var group))
            {
                if (group.Length > 0)
                {
                    value = group;
                    return true;
                }

                if (!participated)
                {
                    participated = true;
                    value = group;
                }
            }
        }

        return participated;
    }

    /// <summary>A group's text from the line's match, or (match null) from the slot's group positions.</summary>
    private static bool TryGroup(LineContext ctx, Match? match, int slot, int group, out ReadOnlySpan<char> value)
    {
        if (match is not null)
        {
            return GroupReader.TryGet(match, group, out value);
        }

        if ((uint)group < (uint)ctx.SpanGroups[slot])
        {
            var spans = ctx.Spans[slot]!;
            var at = ctx.SpanBases[slot] + (2 * group);
            var start = spans[at];
            if (start >= 0)
            {
                value = ctx.Text.AsSpan(start, spans[at + 1]);
                return true;
            }
        }

        value = default;
        return false;
    }

    /// <summary>The capture's text; empty when its groups did not take part. A missing field is a runtime error.</summary>
    private static ReadOnlySpan<char> CaptureSpan(LineContext ctx, CaptureRead capture)
    {
        if (TryCapture(ctx, capture, out var value))
        {
            return value;
        }

        if (capture.Field is not null)
        {
            ctx.Fail(RuntimeErrors.MissingField(capture.Field));
        }

        return default;
    }

}
