namespace LogMetrics.Runtime.Matching;

/// <summary>
/// The fields a structured pattern decoded on the current line, by field number: each value's text (a string
/// unescaped, a number or boolean as written, an object or array as its JSON text) kept in one reused buffer.
/// </summary>
internal sealed class StructuredFields
{
    // A buffer grown past this by a huge line is dropped at the next line instead of being kept.
    private const int KeepChars = 1 << 20;

    private readonly FieldKind[] _kinds;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private char[] _text = new char[512];
    private int _used;

    public StructuredFields(int count)
    {
        _kinds = new FieldKind[count];
        _starts = new int[count];
        _lengths = new int[count];
    }

    /// <summary>True once the pattern decoded the current line; fields read as missing before that.</summary>
    public bool Decoded { get; set; }

    public int Count => _kinds.Length;

    /// <summary>Forgets the previous line's fields.</summary>
    public void Reset()
    {
        Decoded = false;
        Array.Clear(_kinds);
        _used = 0;
        if (_text.Length > KeepChars)
        {
            _text = new char[512];
        }
    }

    public FieldKind KindOf(int field) => _kinds[field];

    /// <summary>The field's text; false when it is missing or null, or the pattern did not decode this line.</summary>
    public bool TryGet(int field, out ReadOnlySpan<char> value)
    {
        if (Decoded && (uint)field < (uint)_kinds.Length && _kinds[field] > FieldKind.Null)
        {
            value = _text.AsSpan(_starts[field], _lengths[field]);
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>Marks a field missing again (a duplicate key replaces an earlier value and what was under it).</summary>
    public void Clear(int field) => _kinds[field] = FieldKind.Missing;

    public void SetNull(int field) => _kinds[field] = FieldKind.Null;

    /// <summary>Room for up to <paramref name="maxChars"/> characters of a value; commit what was written with <see cref="Commit"/>.</summary>
    public Span<char> Reserve(int maxChars)
    {
        if (_text.Length - _used < maxChars)
        {
            Array.Resize(ref _text, Math.Max(_text.Length * 2, _used + maxChars));
        }

        return _text.AsSpan(_used, maxChars);
    }

    public void Commit(int field, FieldKind kind, int length)
    {
        _kinds[field] = kind;
        _starts[field] = _used;
        _lengths[field] = length;
        _used += length;
    }

    public void Set(int field, FieldKind kind, ReadOnlySpan<char> text)
    {
        text.CopyTo(Reserve(text.Length));
        Commit(field, kind, text.Length);
    }
}
