using System.Security.Cryptography.X509Certificates;

namespace LogMetrics.EndToEnd.Tests.Support;

/// <summary>A self-signed certificate for 127.0.0.1 made by the real openssl, as an operator would make one.</summary>
internal sealed record TestCertificate(string CertificateFile, string KeyFile, X509Certificate2 Certificate)
{
    public static async Task<TestCertificate> CreateAsync(string directory, string name = "logmetrics")
    {
        var openssl = Tool.Require("openssl");
        var certificate = Path.Combine(directory, name + ".crt");
        var key = Path.Combine(directory, name + ".key");
        var result = await CommandRunner.RunAsync(
            openssl,
            [
                "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", key, "-out", certificate,
                "-subj", "/CN=127.0.0.1",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost",
            ]);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl failed:\n{result}");
        }

        return new TestCertificate(certificate, key, X509CertificateLoader.LoadCertificateFromFile(certificate));
    }
}
