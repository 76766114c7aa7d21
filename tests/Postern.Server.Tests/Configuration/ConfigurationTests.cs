using System.Collections;
using System.Net;
using Microsoft.Extensions.Configuration;
using Postern.Server.Configuration;
using Postern.Server.Logging;

namespace Postern.Server.Tests.Configuration;

public class ConfigurationTests
{
    [Theory]
    [InlineData("POSTERN_DATA", "Postern:DATA")]
    [InlineData("POSTERN_HTTP_PORT", "Postern:HTTPPORT")]
    [InlineData("POSTERN_POSTMASTER_PASSWORD", "Postern:POSTMASTERPASSWORD")]
    [InlineData("POSTERN_LOGGING__XIMSS", "Postern:LOGGING:XIMSS")]
    [InlineData("POSTERN_PASSWORDS__PBKDF2_ITERATIONS", "Postern:PASSWORDS:PBKDF2ITERATIONS")]
    [InlineData("postern_data", "Postern:data")]
    public void EnvironmentVariablesMapIntoThePosternSection(string variable, string key)
    {
        Assert.Equal(key, PosternEnvironmentVariables.KeyOf(variable));
    }

    [Theory]
    [InlineData("PATH")]
    [InlineData("POSTERN_")]
    [InlineData("ASPNETCORE_URLS")]
    public void OtherVariablesAreIgnored(string variable)
    {
        Assert.Null(PosternEnvironmentVariables.KeyOf(variable));
    }

    [Fact]
    public void EnvironmentValuesBindToTheSettingsTheyName()
    {
        var configuration = new ConfigurationBuilder()
            .Add(new PosternEnvironmentVariables(new Hashtable
            {
                ["POSTERN_DATA"] = "/srv/postern",
                ["POSTERN_HTTP_PORT"] = "auto",
                ["POSTERN_XIMSS_PORT"] = "0",
                ["POSTERN_BIND_ADDRESS"] = "127.0.0.1",
                ["POSTERN_LOGGING__XIMSS"] = "Major",
                ["HOME"] = "/root",
            }))
            .Build();

        var options = ServerOptions.FromConfiguration(configuration);
        var logging = LoggingOptions.FromConfiguration(configuration.GetSection("Postern:Logging"));

        Assert.Equal("/srv/postern", options.DataDirectory);
        Assert.True(options.HttpPort.IsAutomatic);
        Assert.True(options.XimssPort.IsDisabled);
        Assert.Equal(IPAddress.Loopback, options.BindAddress);
        Assert.Equal(CgpLogLevel.Major, logging.LevelOf("XIMSS-00001"));
        Assert.Equal(CgpLogLevel.Problems, logging.LevelOf("HTTPU"));
    }

    [Fact]
    public void DefaultsAreThoseOfCommuniGate()
    {
        var options = ServerOptions.FromConfiguration(new ConfigurationBuilder().Build());

        Assert.Equal(8100, options.HttpPort.Port);
        Assert.Equal(11024, options.XimssPort.Port);
        Assert.Null(options.BindAddress);
        Assert.Equal(Path.GetFullPath("data"), options.DataDirectory);
    }

    [Theory]
    [InlineData("8100", 8100)]
    [InlineData("0", 0)]
    [InlineData("off", 0)]
    [InlineData("auto", -1)]
    [InlineData(" AUTO ", -1)]
    public void ListenerPortsAreNumbersOffOrAuto(string text, int port)
    {
        Assert.Equal(port, ListenerPort.Parse(text, "x").Port);
    }

    [Theory]
    [InlineData("65536")]
    [InlineData("-1")]
    [InlineData("http")]
    [InlineData("")]
    public void OtherPortSettingsAreRefusedWithTheirName(string text)
    {
        var error = Assert.Throws<ConfigurationException>(() => ListenerPort.Parse(text, "Postern:HttpPort"));
        Assert.StartsWith("Postern:HttpPort = ", error.Message);
    }

    [Fact]
    public void UnusableBindAddressOrLogLevelIsRefused()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Postern:BindAddress"] = "localhost:80",
            ["Postern:Logging:XIMSS"] = "Verbose",
        }).Build();

        Assert.Throws<ConfigurationException>(() => ServerOptions.FromConfiguration(configuration));
        Assert.Throws<ConfigurationException>(() => LoggingOptions.FromConfiguration(configuration.GetSection("Postern:Logging")));
    }

    [Fact]
    public void CommandLineOverridesWinOverTheEnvironment()
    {
        var configuration = new ConfigurationBuilder()
            .Add(new PosternEnvironmentVariables(new Hashtable { ["POSTERN_HTTP_PORT"] = "9000" }))
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Postern:HttpPort"] = "9100" })
            .Build();

        Assert.Equal(9100, ServerOptions.FromConfiguration(configuration).HttpPort.Port);
    }
}
