namespace Postern.Data.Tests;

public class DataParserTests
{
    [Fact]
    public void TextLongerThanTheLimitIsRejectedBeforeReading()
    {
        var options = new DataParserOptions { Limits = new DataLimits { MaxTextLength = 10 } };

        var ok = DataParser.TryParse("{A=\"0123456789\";}", out _, out var error, "big.data", options);

        Assert.False(ok);
        Assert.Equal("big.data:1:11: The text is longer than the limit of 10 characters.", error!.ToString());
    }

    [Fact]
    public void NestingDeeperThanTheLimitIsAnError()
    {
        var options = new DataParserOptions { Limits = new DataLimits { MaxDepth = 3 } };

        Assert.True(DataParser.TryParse("(((x)))", out _, out _, options: options));
        var ok = DataParser.TryParse("((((x))))", out _, out var error, options: options);

        Assert.False(ok);
        Assert.Equal("1:4: Arrays and dictionaries are nested deeper than the limit of 3.", error!.ToString());
    }

    [Fact]
    public void DefaultLimitStopsHostileNestingWithoutExhaustingTheStack()
    {
        var hostile = new string('(', 100_000) + new string(')', 100_000);

        Assert.False(DataParser.TryParse(hostile, out _, out var error));
        Assert.Contains("nested deeper than the limit of 100", error!.Message);
    }

    [Fact]
    public void ParseDictionaryRejectsOtherObjects()
    {
        var exception = Assert.Throws<DataFormatException>(() => DataParser.ParseDictionary("  (a)", "prefs.data"));

        Assert.Equal("prefs.data:1:3: Expected a dictionary ({...}).", exception.Message);
        Assert.Equal(2, exception.Error.Offset);
    }

    [Fact]
    public void Utf8BytesWithAByteOrderMarkAreRead()
    {
        byte[] bytes = [0xEF, 0xBB, 0xBF, .. "{Title=\"Grüße\";}"u8];

        var value = (DataDictionary)DataParser.ParseUtf8(bytes);

        Assert.Equal("Grüße", value["title"].AsString);
    }

    [Fact]
    public void LineAndColumnCountEveryKindOfLineEnding()
    {
        const string text = "a\nb\r\nc\rd";

        Assert.Equal(new TextLocation(1, 1), TextLocation.FromOffset(text, 0));
        Assert.Equal(new TextLocation(2, 1), TextLocation.FromOffset(text, 2));
        Assert.Equal(new TextLocation(3, 1), TextLocation.FromOffset(text, 5));
        Assert.Equal(new TextLocation(4, 1), TextLocation.FromOffset(text, 7));
        Assert.Equal(new TextLocation(4, 2), TextLocation.FromOffset(text, 8));
    }

    [Fact]
    public void QuotedStringReaderStopsAfterTheClosingMark()
    {
        const string text = "x \"a\\\"b\" rest";
        var position = 2;

        Assert.True(DataSyntax.TryReadQuotedString(text, ref position, out var value, out _));

        Assert.Equal("a\"b", value);
        Assert.Equal(8, position);
    }

    [Fact]
    public void RandomValuesSurviveWriteAndRead()
    {
        var random = new Random(20240501);
        for (var i = 0; i < 500; i++)
        {
            var value = RandomValue(random, 0);
            foreach (var formatting in new[] { DataFormatting.Compact, DataFormatting.Indented })
            {
                var text = DataWriter.Write(value, formatting);
                var reread = DataParser.Parse(text);
                Assert.Equal(value, reread);
                Assert.Equal(text, DataWriter.Write(reread, formatting));
            }
        }
    }

    private static DataValue RandomValue(Random random, int depth)
    {
        var kind = random.Next(depth > 3 ? 6 : 8);
        switch (kind)
        {
            case 0:
                return new DataString(RandomText(random));
            case 1:
                return new DataNumber(random.NextInt64(long.MinValue, long.MaxValue));
            case 2:
                return new DataTimestamp(new DateTime(random.NextInt64(DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks), DateTimeKind.Utc));
            case 3:
                var bytes = new byte[random.Next(0, 20)];
                random.NextBytes(bytes);
                return new DataBlock(bytes);
            case 4:
                var address = new byte[random.Next(2) == 0 ? 4 : 16];
                random.NextBytes(address);
                return new DataIPAddress(new System.Net.IPAddress(address), random.Next(2) == 0 ? null : random.Next(65536));
            case 5:
                return DataNull.Value;
            case 6:
                var array = new DataArray();
                for (var n = random.Next(4); n > 0; n--)
                    array.Add(RandomValue(random, depth + 1));
                return array;
            default:
                var dictionary = new DataDictionary();
                for (var n = random.Next(4); n > 0; n--)
                    dictionary.TryAdd(RandomText(random), RandomValue(random, depth + 1));
                return dictionary;
        }
    }

    private static string RandomText(Random random)
    {
        const string alphabet = "aZ09.-_@ \"\\\n\r\t\u0001;=(){}[]#/*é日\U0001F600";
        var length = random.Next(0, 8);
        var builder = new System.Text.StringBuilder();
        for (var i = 0; i < length; i++)
        {
            var at = random.Next(alphabet.Length);
            if (char.IsHighSurrogate(alphabet[at]))
                builder.Append(alphabet, at, 2);
            else if (!char.IsLowSurrogate(alphabet[at]))
                builder.Append(alphabet[at]);
        }
        return builder.ToString();
    }
}
