using Microsoft.Extensions.Logging;
using Postern.Server.Logging;

namespace Postern.Server.Tests.Logging;

public class LogTagsTests
{
    [Theory]
    [InlineData("XIMSSI", "XIMSSI")]
    [InlineData("XIMSS-00012", "XIMSS-00012")]
    [InlineData("Postern.Storage.Sqlite.SqliteStore", "STORE")]
    [InlineData("Postern.Mail.Changes.ChangeNotifier", "MAIL")]
    [InlineData("Microsoft.AspNetCore.Server.Kestrel", "HTTPU")]
    [InlineData("Microsoft.Hosting.Lifetime", "SERVER")]
    [InlineData("Some.Library", "SYSTEM")]
    [InlineData("Mixed", "SYSTEM")]
    public void CategoriesMapToModuleTags(string category, string tag)
    {
        Assert.Equal(tag, LogTags.ForCategory(category));
    }

    [Fact]
    public void TheModuleOfAnInstanceTagIsThePartBeforeTheDash()
    {
        Assert.Equal("XIMSS", LogTags.ModuleOf("XIMSS-00012"));
        Assert.Equal("HTTPU", LogTags.ModuleOf("HTTPU"));
    }

    [Theory]
    [InlineData(LogLevel.Critical, CgpLogLevel.Failures)]
    [InlineData(LogLevel.Error, CgpLogLevel.Failures)]
    [InlineData(LogLevel.Information, CgpLogLevel.Major)]
    [InlineData(LogLevel.Warning, CgpLogLevel.Problems)]
    [InlineData(LogLevel.Debug, CgpLogLevel.LowLevel)]
    [InlineData(LogLevel.Trace, CgpLogLevel.AllInfo)]
    public void DotNetLevelsMapOntoCommuniGateLevels(LogLevel level, CgpLogLevel expected)
    {
        Assert.Equal(expected, CgpLogLevels.Of(level));
    }

    [Theory]
    [InlineData("Major", CgpLogLevel.Major)]
    [InlineData("problems", CgpLogLevel.Problems)]
    [InlineData("Low-Level", CgpLogLevel.LowLevel)]
    [InlineData("All Info", CgpLogLevel.AllInfo)]
    [InlineData("Failures", CgpLogLevel.Failures)]
    [InlineData("Nothing", CgpLogLevel.Nothing)]
    [InlineData("4", CgpLogLevel.LowLevel)]
    public void LevelsAreReadByTheirCommuniGateNames(string text, CgpLogLevel expected)
    {
        Assert.True(CgpLogLevels.TryParse(text, out var level));
        Assert.Equal(expected, level);
    }

    [Theory]
    [InlineData("Verbose")]
    [InlineData("")]
    [InlineData("6")]
    public void OtherLevelNamesAreRejected(string text)
    {
        Assert.False(CgpLogLevels.TryParse(text, out _));
    }
}
