// Minimal reproduction, without learncity, of a Xapian 1.4 matcher bug: a
// MatchSpy counts some documents of remote shards twice when the Enquire
// sorts by relevance then value (set_sort_by_relevance_then_value).
//
// MultiMatch::get_mset (matcher/multimatch.cc) skips the spies for documents
// of remote sub-databases (their servers ran the spies and send the counts
// back), except on the path for a candidate that sorts below the lowest item
// of a full proto-MSet when sort_by != REL: there the spies are called
// without the is_remote check. A spy cannot tell those calls apart (it is
// handed sub-database docids); learncity therefore counts facets with a
// second, relevance-only match when a shard is remote (Sources/CXapian/Search.cpp).
//
//   g++ -std=c++17 scripts/repro/remote-matchspy.cpp -lxapian -o /tmp/remote-matchspy
//   /tmp/remote-matchspy    # exit status 1: the bug is there; 0: fixed
//
// Needs xapian-tcpsrv (Debian: xapian-tools) on PATH.
#include <xapian.h>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unistd.h>
#include <signal.h>
#include <sys/wait.h>

static void build(const std::string &path, int first, int count) {
    Xapian::WritableDatabase db(path, Xapian::DB_CREATE_OR_OVERWRITE);
    for (int i = first; i < first + count; ++i) {
        Xapian::Document doc;
        doc.add_term("word");
        for (int k = 0; k < i % 5; ++k) doc.add_term("pad" + std::to_string(k));  // varied weights
        doc.add_value(0, i % 2 ? "odd" : "even");
        doc.add_value(1, std::to_string(i));
        db.add_document(doc);
    }
    db.commit();
}

static pid_t serve(const std::string &path, int port) {
    pid_t pid = fork();
    if (pid == 0) {
        setsid();  // xapian-tcpsrv signals its process group when it ends
        if (!std::freopen("/dev/null", "w", stdout) || !std::freopen("/dev/null", "w", stderr)) _exit(126);
        execlp("xapian-tcpsrv", "xapian-tcpsrv", "--interface", "127.0.0.1", "--port",
               std::to_string(port).c_str(), path.c_str(), (char *)nullptr);
        _exit(127);
    }
    return pid;
}

static Xapian::doccount spied(const Xapian::Database &db, bool relevance_then_value) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query("word"));
    if (relevance_then_value) enquire.set_sort_by_relevance_then_value(1, false);
    Xapian::ValueCountMatchSpy spy(0);
    enquire.add_matchspy(&spy);
    Xapian::MSet mset = enquire.get_mset(0, 10, db.get_doccount());
    std::printf("  %-28s matches %u, spy total %u\n",
                relevance_then_value ? "relevance then value:" : "relevance:",
                mset.get_matches_estimated(), spy.get_total());
    return spy.get_total();
}

int main() {
    const std::string dir = "/tmp/xapian-remote-spy";
    std::system(("rm -rf " + dir + " && mkdir -p " + dir).c_str());
    build(dir + "/a", 0, 50);
    build(dir + "/b", 50, 50);
    const int port_a = 34000 + getpid() % 1000, port_b = port_a + 1;
    pid_t a = serve(dir + "/a", port_a), b = serve(dir + "/b", port_b);
    sleep(1);

    Xapian::Database local(dir + "/a");
    local.add_database(Xapian::Database(dir + "/b"));
    Xapian::Database remote(Xapian::Remote::open("127.0.0.1", port_a));
    remote.add_database(Xapian::Remote::open("127.0.0.1", port_b));

    std::printf("Xapian %s, 2 shards x 50 documents, all match\nlocal shards:\n", Xapian::version_string());
    spied(local, false);
    Xapian::doccount l = spied(local, true);
    std::printf("remote shards (xapian-tcpsrv):\n");
    spied(remote, false);
    Xapian::doccount r = spied(remote, true);

    kill(a, SIGTERM); kill(b, SIGTERM);
    waitpid(a, nullptr, 0); waitpid(b, nullptr, 0);
    std::printf(r == l ? "same counts\n" : "remote spy counted %u documents twice\n", r - l);
    return r == l ? 0 : 1;
}
