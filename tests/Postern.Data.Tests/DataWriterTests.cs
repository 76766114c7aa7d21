namespace Postern.Data.Tests;

public class DataWriterTests
{
    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("A-crpt", "A-crpt")]
    [InlineData("user@example.com", "user@example.com")]
    [InlineData("-1", "\"-1\"")]
    [InlineData("*", "\"*\"")]
    [InlineData("$", "\"$\"")]
    [InlineData("1(415)", "\"1(415)\"")]
    [InlineData("two words", "\"two words\"")]
    [InlineData("naïve", "\"naïve\"")]
    [InlineData("", "\"\"")]
    public void StringsAreAtomsOnlyWhenCommuniGateWouldLeaveThemUnquoted(string text, string expected)
    {
        Assert.Equal(expected, DataWriter.Write(new DataString(text)));
    }

    [Fact]
    public void EveryControlCharacterSurvivesARoundTrip()
    {
        var all = new string(Enumerable.Range(0, 0x80).Select(i => (char)i).ToArray()) + "\u00e9\u65e5\U0001F600";

        var text = DataWriter.Write(new DataString(all));

        Assert.DoesNotContain('\n', text);
        Assert.DoesNotContain('\r', text);
        Assert.Equal(all, DataParser.Parse(text).AsString);
    }

    [Fact]
    public void IndentedFormatWritesOneTopLevelKeyPerLine()
    {
        var settings = new DataDictionary
        {
            ["Name"] = "Jane Doe",
            ["Nested"] = new DataDictionary { ["A"] = 1 },
            ["List"] = new DataArray { "x", "y" },
        };

        Assert.Equal("{\n  Name = \"Jane Doe\";\n  Nested = {A=#1;};\n  List = (x,y);\n}\n",
            DataWriter.Write(settings, DataFormatting.Indented));
    }

    [Fact]
    public void IndentedFormatOfANonDictionaryIsCompact()
    {
        Assert.Equal("(a,b)", DataWriter.Write(new DataArray { "a", "b" }, DataFormatting.Indented));
    }

    [Fact]
    public void Utf8OutputHasNoByteOrderMark()
    {
        var bytes = DataWriter.WriteUtf8(new DataString("é x"));

        Assert.Equal("\"é x\""u8.ToArray(), bytes);
    }
}
