using Postern.Storage.Files;

namespace Postern.Storage.Tests;

public sealed class FilePathTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("file.txt", "file.txt")]
    [InlineData("private/IM/peer@example.com.log", "private/IM/peer@example.com.log")]
    [InlineData("Фото отпуска/снимок 1.jpg", "Фото отпуска/снимок 1.jpg")]
    public void CommuniGateStylePathsAreAccepted(string text, string value)
    {
        Assert.Equal(value, FilePath.Parse(text).Value);
    }

    [Theory]
    [InlineData("/etc/passwd")]
    [InlineData("../other-account/file")]
    [InlineData("docs/../../x")]
    [InlineData("docs/./x")]
    [InlineData("docs//x")]
    [InlineData("docs/")]
    [InlineData(".hidden")]
    [InlineData("a\\b")]
    [InlineData("tab\there")]
    [InlineData("nul\0byte")]
    [InlineData(" leading-space")]
    [InlineData("trailing-space ")]
    public void UnsafePathsAreRefusedAsBadNames(string text)
    {
        var refused = Assert.Throws<FileStorageException>(() => FilePath.Parse(text));

        Assert.Equal(FileStorageError.BadName, refused.Error);
        Assert.StartsWith("illegal file name: ", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANameWithAnUnpairedSurrogateIsRefused()
    {
        // Built at run time: attribute arguments cannot carry an unpaired surrogate.
        var text = "broken" + (char)0xD800 + "surrogate";

        Assert.Equal(FileStorageError.BadName, Assert.Throws<FileStorageException>(() => FilePath.Parse(text)).Error);
    }

    [Fact]
    public void NamesPathsAndNestingHaveLengthLimits()
    {
        Assert.True(FilePath.TryParse(new string('n', FilePath.MaxNameBytes), out _, out _));
        // Two UTF-8 bytes per character: the limit is in bytes, as the file system's is.
        Assert.False(FilePath.TryParse(new string('я', FilePath.MaxNameBytes / 2 + 1), out _, out _));
        Assert.False(FilePath.TryParse(string.Join('/', Enumerable.Repeat("abcdefghi", FilePath.MaxPathLength / 10 + 1)), out _, out _));
        Assert.True(FilePath.TryParse(string.Join('/', Enumerable.Repeat("d", FilePath.MaxDepth + 1)), out _, out _));
        Assert.False(FilePath.TryParse(string.Join('/', Enumerable.Repeat("d", FilePath.MaxDepth + 2)), out _, out var problem));
        Assert.Contains("deeper", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void AppendChecksTheNameAndParentWalksUp()
    {
        var folder = FilePath.Parse("docs/2026");

        Assert.Equal("docs/2026/report.pdf", folder.Append("report.pdf").Value);
        Assert.Equal("docs", folder.Parent.Value);
        Assert.True(folder.Parent.Parent.IsRoot);
        Assert.Equal(FileStorageError.BadName, Assert.Throws<FileStorageException>(() => folder.Append("../escape")).Error);
    }
}
