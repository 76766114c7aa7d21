using System.CommandLine;
using System.Diagnostics;
using System.Xml.Linq;
using Postern.Server.Cli;
using Postern.Testing;

namespace Postern.Server.Tests.Cli;

public class MimeInspectCommandTests
{
    private static (int ExitCode, string Output, string Error) Run(params string[] args)
    {
        var root = new RootCommand { MimeInspectCommand.Create() };
        var output = new StringWriter();
        var error = new StringWriter();

        var exitCode = root.Parse(["mime", "inspect", .. args]).Invoke(new InvocationConfiguration { Output = output, Error = error });

        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public void InspectPrintsThePartTreeWithIdsTypesAndNames()
    {
        var (exitCode, output, _) = Run(TestData.Path("mime", "report.eml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("  Subject: Quarterly report: €", output);
        Assert.Contains("- multipart/mixed size=313 boundary=\"b\"", output);
        Assert.Contains("  02 application/vnd.ms-excel encoding=base64 size=4 disposition=attachment name=\"q1.xls\" attachment", output);
    }

    [Fact]
    public void InspectReportsDefects()
    {
        var (exitCode, output, _) = Run(TestData.Path("mime", "broken.eml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("! MissingCloseDelimiter", output);
    }

    [Fact]
    public void XmlOptionPrintsTheEmailElement()
    {
        var (exitCode, output, _) = Run("--xml", TestData.Path("mime", "report.eml"));

        Assert.Equal(0, exitCode);
        var email = XElement.Parse(output);
        Assert.Equal("EMail", email.Name.LocalName);
        Assert.Equal("Ivan Petrov", (string?)email.Element("From")!.Attribute("realName"));
    }

    [Fact]
    public void SummaryOptionPrintsTheFolderViewFields()
    {
        var (exitCode, output, _) = Run("--summary", TestData.Path("mime", "report.eml"));

        Assert.Equal(0, exitCode);
        Assert.Contains("Priority:     High\n", output);
        Assert.Contains("Attachments:  yes\n", output);
        Assert.Contains("Preview:      Hello team, the numbers are in. See the attached file.\n", output);
    }

    [Fact]
    public void MissingFileIsAOneLineErrorAndExitCodeOne()
    {
        var (exitCode, output, error) = Run(TestData.Path("mime", "no-such.eml"));

        Assert.Equal(1, exitCode);
        Assert.Equal("", output);
        Assert.StartsWith("postern mime inspect: cannot read no-such.eml:", error);
    }

    [Fact]
    public async Task TheExecutableRunsTheVerb()
    {
        var executable = Path.Combine(AppContext.BaseDirectory, "postern.dll");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { executable, "mime", "inspect", TestData.Path("mime", "report.eml") })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(0, process.ExitCode);
        Assert.Contains("02 application/vnd.ms-excel", output);
    }
}
