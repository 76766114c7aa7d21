using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Postern.Data;

/// <summary>
/// Reads the CommuniGate dictionary/array text format (settings files, preferences, skin Text Datasets)
/// into <see cref="DataValue"/> trees.
/// </summary>
/// <remarks>
/// <para>The reader is lenient where CommuniGate's own readers are: any mix of spaces, tabs and line
/// breaks between elements; <c>//</c> line comments and <c>/* */</c> block comments wherever whitespace is
/// allowed; atoms with the punctuation real files contain; adjacent quoted strings joined
/// (<c>"abc" "def"</c> is <c>"abcdef"</c>) and adjacent datablocks joined; <c>#null#</c> in any letter
/// case; a missing <c>;</c> after the last dictionary entry; a UTF-8 byte order mark.</para>
/// <para>It is strict where a mistake would silently change data: unknown escapes, duplicate keys, bad
/// numbers, dates and addresses, and anything after the object are errors with line and column.</para>
/// </remarks>
public static partial class DataParser
{
    /// <summary>Reads one object from <paramref name="text"/>.</summary>
    /// <exception cref="DataFormatException">The text is not a valid object; the message has file:line:column.</exception>
    public static DataValue Parse(string text, string? fileName = null, DataParserOptions? options = null) =>
        TryParse(text, out var value, out var error, fileName, options) ? value : throw new DataFormatException(error);

    /// <summary>Reads a text whose object must be a dictionary (a settings file or Text Dataset).</summary>
    /// <exception cref="DataFormatException">The text is not a valid dictionary.</exception>
    public static DataDictionary ParseDictionary(string text, string? fileName = null, DataParserOptions? options = null)
    {
        var value = Parse(text, fileName, options);
        if (value is DataDictionary dictionary)
            return dictionary;
        var start = SkipLeadingSpace(text);
        throw new DataFormatException(MakeError(text, start, "Expected a dictionary ({...}).", fileName));
    }

    /// <summary>Reads one object from UTF-8 bytes (a byte order mark is skipped; invalid bytes become U+FFFD).</summary>
    /// <exception cref="DataFormatException">The text is not a valid object.</exception>
    public static DataValue ParseUtf8(ReadOnlySpan<byte> utf8, string? fileName = null, DataParserOptions? options = null) =>
        Parse(DecodeUtf8(utf8), fileName, options);

    /// <summary>Decodes a UTF-8 file's bytes to text, skipping a byte order mark.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> utf8)
    {
        ReadOnlySpan<byte> byteOrderMark = [0xEF, 0xBB, 0xBF];
        if (utf8.StartsWith(byteOrderMark))
            utf8 = utf8[3..];
        return Encoding.UTF8.GetString(utf8);
    }

    /// <summary>Reads one object from <paramref name="text"/> without throwing for bad input.</summary>
    public static bool TryParse(
        string text,
        [NotNullWhen(true)] out DataValue? value,
        [NotNullWhen(false)] out DataParseError? error,
        string? fileName = null,
        DataParserOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        options ??= DataParserOptions.Default;
        if (text.Length > options.Limits.MaxTextLength)
        {
            value = null;
            error = MakeError(text, options.Limits.MaxTextLength,
                $"The text is longer than the limit of {options.Limits.MaxTextLength} characters.", fileName);
            return false;
        }

        var reader = new Reader(text, options);
        try
        {
            reader.SkipSpace();
            if (reader.AtEnd)
                throw reader.Error("The text is empty; expected an object.");
            var result = reader.ReadValue(0);
            reader.SkipSpace();
            if (!reader.AtEnd)
                throw reader.Error($"Unexpected {reader.Describe()} after the end of the object.");
            value = result;
            error = null;
            return true;
        }
        catch (SyntaxFailure failure)
        {
            value = null;
            error = MakeError(text, failure.Offset, failure.Message, fileName);
            return false;
        }
    }

    private static DataParseError MakeError(string text, int offset, string message, string? fileName) =>
        new(message, offset, TextLocation.FromOffset(text, offset), fileName);

    private static int SkipLeadingSpace(string text)
    {
        var reader = new Reader(text, DataParserOptions.Default);
        try
        {
            reader.SkipSpace();
        }
        catch (SyntaxFailure)
        {
            return 0;
        }
        return reader.Position;
    }

    /// <summary>Carries a syntax error out of the recursive descent to <see cref="TryParse"/>.</summary>
    private sealed class SyntaxFailure(string message, int offset) : Exception(message)
    {
        public int Offset { get; } = offset;
    }

    private sealed partial class Reader(string text, DataParserOptions options)
    {
        private int _position;

        public int Position => _position;

        public bool AtEnd => _position >= text.Length;

        public SyntaxFailure Error(string message) => new(message, _position);

        private static SyntaxFailure Error(string message, int offset) => new(message, offset);

        public string Describe() => AtEnd ? "end of text" : Describe(text[_position]);

        private static string Describe(char c) => c switch
        {
            '\n' or '\r' => "line break",
            '\t' => "tab",
            _ when char.IsControl(c) => $"control character U+{(int)c:X4}",
            _ => $"'{c}'",
        };

        /// <summary>Skips whitespace and comments (multi-line files treat comments as whitespace).</summary>
        public void SkipSpace()
        {
            while (_position < text.Length)
            {
                var c = text[_position];
                if (c is ' ' or '\t' or '\r' or '\n' or '\uFEFF')
                {
                    _position++;
                }
                else if (c == '/' && _position + 1 < text.Length && text[_position + 1] == '/')
                {
                    var end = text.AsSpan(_position).IndexOfAny('\r', '\n');
                    _position = end < 0 ? text.Length : _position + end;
                }
                else if (c == '/' && _position + 1 < text.Length && text[_position + 1] == '*')
                {
                    var end = text.IndexOf("*/", _position + 2, StringComparison.Ordinal);
                    if (end < 0)
                        throw Error("The /* comment is not closed with */.");
                    _position = end + 2;
                }
                else
                {
                    return;
                }
            }
        }

        public DataValue ReadValue(int depth)
        {
            if (AtEnd)
                throw Error("Expected an object but found the end of text.");
            var c = text[_position];
            switch (c)
            {
                case '{':
                    return ReadDictionary(depth + 1);
                case '(':
                    return ReadArray(depth + 1);
                case '"':
                    return DataString.From(ReadQuotedStrings());
                case '[':
                    return ReadDataBlocks();
                case '#':
                    return ReadHashValue();
                case '<':
                    throw Error("XML objects are not supported in this format.");
            }
            if (IsAtomStart())
                return DataString.From(ReadAtom());
            throw Error($"Expected an object but found {Describe()}.");
        }

        private bool IsAtomStart() =>
            !AtEnd && DataSyntax.IsAtomChar(text[_position]) && !IsCommentStart(_position);

        private bool IsCommentStart(int at) =>
            text[at] == '/' && at + 1 < text.Length && text[at + 1] is '/' or '*';

        private string ReadAtom()
        {
            var start = _position;
            // Inside an atom '/' is an ordinary character: comments start only where a token could.
            while (_position < text.Length && DataSyntax.IsAtomChar(text[_position]))
                _position++;
            return text.Substring(start, _position - start);
        }

        private string ReadQuotedStrings()
        {
            var first = ReadQuoted();
            SkipSpace();
            if (AtEnd || text[_position] != '"')
                return first;
            var joined = new StringBuilder(first);
            while (!AtEnd && text[_position] == '"')
            {
                joined.Append(ReadQuoted());
                SkipSpace();
            }
            return joined.ToString();
        }

        private string ReadQuoted()
        {
            if (!DataSyntax.TryReadQuotedString(text, ref _position, out var value, out var error))
                throw Error(error.Message, error.Offset);
            return value;
        }

        private DataString ReadKey()
        {
            if (!AtEnd && text[_position] == '"')
                return DataString.From(ReadQuotedStrings());
            if (IsAtomStart())
                return DataString.From(ReadAtom());
            throw Error($"Expected a key (an atom or a quoted string) but found {Describe()}.");
        }

        private DataDictionary ReadDictionary(int depth)
        {
            CheckDepth(depth);
            _position++; // '{'
            var dictionary = new DataDictionary(options.CaseSensitiveKeys);
            while (true)
            {
                SkipSpace();
                if (AtEnd)
                    throw Error("The dictionary is not closed with '}'.");
                if (text[_position] == '}')
                {
                    _position++;
                    return dictionary;
                }
                var keyOffset = _position;
                var key = ReadKey().Value;
                SkipSpace();
                if (AtEnd || text[_position] != '=')
                    throw Error($"Expected '=' after the key \"{key}\" but found {Describe()}.");
                _position++;
                SkipSpace();
                var value = ReadValue(depth);
                if (!dictionary.TryAdd(key, value))
                    throw Error($"The key \"{key}\" appears twice in this dictionary.", keyOffset);
                SkipSpace();
                if (!AtEnd && text[_position] == ';')
                    _position++;
                else if (AtEnd || text[_position] != '}')
                    throw Error($"Expected ';' after the value of \"{key}\" but found {Describe()}.");
            }
        }

        private DataArray ReadArray(int depth)
        {
            CheckDepth(depth);
            _position++; // '('
            var array = new DataArray();
            SkipSpace();
            if (!AtEnd && text[_position] == ')')
            {
                _position++;
                return array;
            }
            while (true)
            {
                SkipSpace();
                array.Add(ReadValue(depth));
                SkipSpace();
                if (AtEnd)
                    throw Error("The array is not closed with ')'.");
                var c = text[_position];
                _position++;
                if (c == ')')
                    return array;
                if (c != ',')
                {
                    _position--;
                    throw Error($"Expected ',' or ')' in the array but found {Describe()}.");
                }
            }
        }

        private void CheckDepth(int depth)
        {
            if (depth > options.Limits.MaxDepth)
                throw Error($"Arrays and dictionaries are nested deeper than the limit of {options.Limits.MaxDepth}.");
        }
    }
}
