using LogMetrics.Tailing.Files;

namespace LogMetrics.Tailing.Tests.Files;

/// <summary>The managed SHA-256 must give .NET's (OpenSSL's) digest: fingerprints saved by earlier versions in
/// positions.json were made with it.</summary>
public sealed class Sha256Tests
{
    [Theory]
    [InlineData("", "E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855")]
    [InlineData("abc", "BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD")]
    [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248D6A61D20638B8E5C026930C3E6039A33CE45964FF2167F6ECEDD419DB06C1")]
    public void Known_answers_of_FIPS_180_4(string text, string digest) =>
        Assert.Equal(digest, Convert.ToHexString(Sha256.HashData(System.Text.Encoding.ASCII.GetBytes(text))));

    [Theory]
    // Around the padding's edges: a tail of 55 bytes still takes the length in its block, 56 needs a second one.
    [InlineData(1)]
    [InlineData(55)]
    [InlineData(56)]
    [InlineData(63)]
    [InlineData(64)]
    [InlineData(65)]
    [InlineData(119)]
    [InlineData(120)]
    [InlineData(128)]
    [InlineData(1024)]
    [InlineData(4099)]
    public void Same_digest_as_the_platform_for_any_length(int length)
    {
        var data = new byte[length];
        new Random(length).NextBytes(data);

        Assert.Equal(System.Security.Cryptography.SHA256.HashData(data), Sha256.HashData(data));
    }
}
