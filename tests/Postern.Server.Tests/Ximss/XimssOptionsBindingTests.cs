using Microsoft.Extensions.Configuration;
using Postern.Server.Configuration;
using Postern.Ximss;

namespace Postern.Server.Tests.Ximss;

public class XimssOptionsBindingTests
{
    private static XimssOptions Bind(Dictionary<string, string?> settings)
    {
        var options = new XimssOptions();
        ConfigurationBinding.Bind(new ConfigurationBuilder().AddInMemoryCollection(settings).Build().GetSection("Postern:Ximss"), options, "Postern:Ximss");
        return options;
    }

    [Fact]
    public void SettingsBindLimitsDurationsAndLanguages()
    {
        var options = Bind(new()
        {
            ["Postern:Ximss:Languages:0"] = "german",
            ["Postern:Ximss:Languages:1"] = "french",
            ["Postern:Ximss:Limits:MaxChannels"] = "50",
            ["Postern:Ximss:Limits:PreLoginIdleTimeout"] = "00:00:20",
        });

        Assert.Equal(["german", "french"], options.OfferedLanguages);
        Assert.Equal(50, options.Limits.MaxChannels);
        Assert.Equal(TimeSpan.FromSeconds(20), options.Limits.PreLoginIdleTimeout);
    }

    [Fact]
    public void WithoutSettingsTheDefaultsAreCommuniGates()
    {
        var options = Bind([]);

        Assert.Equal(["english"], options.OfferedLanguages);
        Assert.Equal(TimeSpan.FromMinutes(10), options.Limits.IdleTimeout);
        Assert.Equal(10_000, options.Limits.MaxChannels);
    }

    [Theory]
    [InlineData("Postern:Ximss:Limits:MaxChannels", "0")]
    [InlineData("Postern:Ximss:Limits:IdleTimeout", "-00:01:00")]
    [InlineData("Postern:Ximss:Limits:MaxChanels", "5")]
    [InlineData("Postern:Ximss:LoginThrottle:MaxFailures", "4")]
    public void ABadOrUnknownSettingStopsTheServerNamingIt(string key, string value)
    {
        var error = Assert.Throws<ConfigurationException>(() => Bind(new() { [key] = value }));

        Assert.StartsWith("Postern:Ximss: ", error.Message);
    }
}
