using System.Buffers;
using System.Text;
using System.Text.Json;
using LogMetrics.Language.Binding;

namespace LogMetrics.Runtime.Matching;

/// <summary>
/// Decodes a line that is one JSON object with <see cref="Utf8JsonReader"/> over the line's UTF-8 bytes (no document
/// is built): every token is read, so only valid JSON matches, but only the fields the program reads are kept.
/// A duplicate key's last value wins; nesting deeper than <see cref="MaxDepth"/> does not decode.
/// </summary>
internal sealed class JsonFieldDecoder : FieldDecoder
{
    /// <summary>System.Text.Json's default depth limit.</summary>
    public const int MaxDepth = 64;

    // Lines longer than this (in UTF-8 bytes) are decoded in a rented buffer that is given back at once.
    private const int KeepBytes = 64 * 1024;

    private static readonly JsonReaderOptions Options = new() { MaxDepth = MaxDepth };

    private readonly Node _root = new(null, -1);
    private byte[] _bytes = new byte[4096];

    public JsonFieldDecoder(IReadOnlyList<FieldPath> fields)
    {
        for (var field = 0; field < fields.Count; field++)
        {
            var node = _root;
            foreach (var segment in fields[field].Segments)
            {
                node = node.Child(segment);
            }

            node.Field = field;
        }

        _root.Seal();
    }

    public override bool Decode(ReadOnlySpan<char> text, StructuredFields fields)
    {
        fields.Reset();

        // Most lines that are not JSON objects are told apart without the reader (and its exception).
        var trimmed = text.Trim(" \t\r\n");
        if (trimmed.Length < 2 || trimmed[0] != '{' || trimmed[^1] != '}')
        {
            return false;
        }

        byte[]? rented = null;
        var bytes = _bytes;
        if (trimmed.Length * 3 > bytes.Length)
        {
            var needed = Encoding.UTF8.GetByteCount(trimmed);
            if (needed > bytes.Length)
            {
                if (needed > KeepBytes)
                {
                    bytes = rented = ArrayPool<byte>.Shared.Rent(needed);
                }
                else
                {
                    _bytes = bytes = new byte[Math.Max(needed, bytes.Length * 2)];
                }
            }
        }

        try
        {
            var length = Encoding.UTF8.GetBytes(trimmed, bytes);
            var json = bytes.AsSpan(0, length);
            var reader = new Utf8JsonReader(json, isFinalBlock: true, new JsonReaderState(Options));
            reader.Read();
            ReadObject(ref reader, json, _root, fields);

            // One object and nothing after it (a second value throws).
            if (reader.Read())
            {
                return false;
            }

            fields.Decoded = true;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    private static void ReadObject(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Node node, StructuredFields fields)
    {
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var child = node.FindKey(ref reader);
            reader.Read();
            if (child is null)
            {
                reader.Skip();
            }
            else
            {
                ReadValue(ref reader, json, child, fields);
            }
        }
    }

    private static void ReadArray(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Node node, StructuredFields fields)
    {
        var index = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var child = node.FindIndex(index++);
            if (child is null)
            {
                reader.Skip();
            }
            else
            {
                ReadValue(ref reader, json, child, fields);
            }
        }
    }

    /// <summary>Reads the value at the reader (its first token) into the node's field and its children's.</summary>
    private static void ReadValue(ref Utf8JsonReader reader, ReadOnlySpan<byte> json, Node node, StructuredFields fields)
    {
        // Last value wins: forget what an earlier duplicate key put in this node's fields.
        foreach (var field in node.Subtree)
        {
            fields.Clear(field);
        }

        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
            case JsonTokenType.StartArray:
                var start = (int)reader.TokenStartIndex;
                var kind = reader.TokenType == JsonTokenType.StartObject ? FieldKind.Object : FieldKind.Array;
                if (!node.HasChildren)
                {
                    reader.Skip();
                }
                else if (kind == FieldKind.Object)
                {
                    ReadObject(ref reader, json, node, fields);
                }
                else
                {
                    ReadArray(ref reader, json, node, fields);
                }

                if (node.Field >= 0)
                {
                    // The reader stands on the closing bracket: the value's JSON text ends after it.
                    var raw = json[start..(int)reader.BytesConsumed];
                    var target = fields.Reserve(raw.Length);
                    fields.Commit(node.Field, kind, Encoding.UTF8.GetChars(raw, target));
                }

                return;
            case JsonTokenType.String when node.Field >= 0:
                SetString(fields, node.Field, ref reader);
                return;
            case JsonTokenType.Number when node.Field >= 0:
                var number = reader.ValueSpan;
                var isInt = number.IndexOfAny((byte)'.', (byte)'e', (byte)'E') < 0;
                SetAscii(fields, node.Field, isInt ? FieldKind.Int : FieldKind.Float, number);
                return;
            case JsonTokenType.True when node.Field >= 0:
                fields.Set(node.Field, FieldKind.Bool, "true");
                return;
            case JsonTokenType.False when node.Field >= 0:
                fields.Set(node.Field, FieldKind.Bool, "false");
                return;
            case JsonTokenType.Null when node.Field >= 0:
                fields.SetNull(node.Field);
                return;
        }
    }

    private static void SetAscii(StructuredFields fields, int field, FieldKind kind, ReadOnlySpan<byte> ascii)
    {
        var target = fields.Reserve(ascii.Length);
        for (var i = 0; i < ascii.Length; i++)
        {
            target[i] = (char)ascii[i];
        }

        fields.Commit(field, kind, ascii.Length);
    }

    private static void SetString(StructuredFields fields, int field, ref Utf8JsonReader reader)
    {
        var raw = reader.ValueSpan;
        var target = fields.Reserve(raw.Length);
        var length = reader.ValueIsEscaped ? JsonUnescaper.Unescape(raw, target) : Encoding.UTF8.GetChars(raw, target);
        fields.Commit(field, FieldKind.String, length);
    }

    /// <summary>A step of the paths the program reads: children by key (compared as UTF-8) and by array index.</summary>
    private sealed class Node(byte[]? key, int index)
    {
        private readonly List<Node> _keys = [];
        private readonly List<Node> _indexes = [];
        private Node[] _keyArray = [];

        public byte[]? Key { get; } = key;

        public int Index { get; } = index;

        /// <summary>The field read at exactly this path, or -1.</summary>
        public int Field { get; set; } = -1;

        /// <summary>This node's field and every field below it.</summary>
        public int[] Subtree { get; private set; } = [];

        public bool HasChildren => _keys.Count > 0 || _indexes.Count > 0;

        public Node Child(FieldSegment segment)
        {
            if (segment.Key is { } key)
            {
                var utf8 = Encoding.UTF8.GetBytes(key);
                var found = _keys.Find(n => n.Key.AsSpan().SequenceEqual(utf8));
                if (found is null)
                {
                    _keys.Add(found = new Node(utf8, -1));
                }

                return found;
            }

            var child = _indexes.Find(n => n.Index == segment.Index);
            if (child is null)
            {
                _indexes.Add(child = new Node(null, segment.Index));
            }

            return child;
        }

        public IEnumerable<int> Seal()
        {
            var fields = new List<int>();
            if (Field >= 0)
            {
                fields.Add(Field);
            }

            foreach (var child in _keys.Concat(_indexes))
            {
                fields.AddRange(child.Seal());
            }

            _keyArray = _keys.ToArray();
            Subtree = fields.ToArray();
            return fields;
        }

        public Node? FindKey(ref Utf8JsonReader reader)
        {
            foreach (var child in _keyArray)
            {
                if (reader.ValueTextEquals(child.Key))
                {
                    return child;
                }
            }

            return null;
        }

        public Node? FindIndex(int index)
        {
            foreach (var child in _indexes)
            {
                if (child.Index == index)
                {
                    return child;
                }
            }

            return null;
        }
    }
}
