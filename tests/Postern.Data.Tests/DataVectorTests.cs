using Postern.Testing;

namespace Postern.Data.Tests;

/// <summary>
/// Text vectors under <c>TestData/Vectors</c>: each <c>name.in</c> is read and written back; the output
/// must equal <c>name.compact</c> and/or <c>name.indented</c>, and the expected text must itself read back
/// to an equal object and write unchanged (round trip).
/// </summary>
public class DataVectorTests
{
    public static TheoryData<string> Vectors() =>
        new(Directory.GetFiles(TestData.Path("Vectors"), "*.in").Select(Path.GetFileNameWithoutExtension).Order()!);

    public static TheoryData<string> Errors() =>
        new(Directory.GetFiles(TestData.Path("Errors"), "*.in").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Theory]
    [MemberData(nameof(Vectors))]
    public void VectorReadsAndWritesCanonicalText(string name)
    {
        var input = DataParser.DecodeUtf8(TestData.Bytes("Vectors", name + ".in"));
        var value = DataParser.Parse(input, name + ".in");
        var checkedAny = false;

        foreach (var (suffix, formatting) in new[] { ("compact", DataFormatting.Compact), ("indented", DataFormatting.Indented) })
        {
            var expectedPath = TestData.Path("Vectors", $"{name}.{suffix}");
            if (!File.Exists(expectedPath))
                continue;
            checkedAny = true;
            var expected = File.ReadAllText(expectedPath);
            Assert.Equal(expected, DataWriter.Write(value, formatting));

            var reread = DataParser.Parse(expected);
            Assert.Equal(value, reread);
            Assert.Equal(expected, DataWriter.Write(reread, formatting));
        }
        Assert.True(checkedAny, $"{name}.in has no .compact or .indented expectation.");
    }

    [Theory]
    [MemberData(nameof(Errors))]
    public void MalformedTextReportsItsExactPosition(string name)
    {
        var input = File.ReadAllText(TestData.Path("Errors", name + ".in"));
        var expected = File.ReadAllText(TestData.Path("Errors", name + ".error")).TrimEnd('\n');

        var ok = DataParser.TryParse(input, out _, out var error);

        Assert.False(ok);
        Assert.Equal(expected, error!.ToString());
        var exception = Assert.Throws<DataFormatException>(() => DataParser.Parse(input, "settings.data"));
        Assert.Equal("settings.data:" + expected, exception.Message);
    }
}
