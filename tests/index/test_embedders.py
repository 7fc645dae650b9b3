"""The bundled e5 embedder, and the sentence-transformers path with tiny models built here
(no download: a WordPiece tokenizer trained on the seeds, a 2-layer BERT)."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from assistant.live_index import IndexService
from assistant.rerank import CrossEncoderReranker
from assistant.retrieval import HybridSearcher
from assistant.settings import EmbeddingSettings
from index.embedders import E5Embedder, make_embedder
from tests.conftest import SEEDS, make_settings


def _cos(a: list[float], b: list[float]) -> float:
    return float(np.dot(a, b) / (np.linalg.norm(a) * np.linalg.norm(b)))


def test_e5_vectors_are_normalised_and_carry_meaning() -> None:
    embedder = E5Embedder()
    passages = embedder.embed_documents(
        ["Toàn tỉnh đã thành lập 1.908 Đội Dân phòng.", "Giá lúa gạo tăng mạnh trong tháng."]
    )
    query = embedder.embed_query("có bao nhiêu đội dân phòng")
    assert len(query) == embedder.dimension == 384
    assert abs(np.linalg.norm(query) - 1) < 1e-3
    assert _cos(query, passages[0]) > _cos(query, passages[1])
    assert "e5-small" in embedder.fingerprint


def test_an_unknown_embedder_is_a_clear_error() -> None:
    settings = EmbeddingSettings.model_construct(embedder="word2vec", embedding_model="")
    with pytest.raises(ValueError, match="unknown embedder 'word2vec'"):
        make_embedder(settings)


def _tokenizer(folder: Path) -> None:
    from tokenizers import Tokenizer, models, normalizers, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    tokenizer = Tokenizer(models.WordPiece(unk_token="[UNK]"))
    # strip_accents=False: Vietnamese diacritics are the words.
    tokenizer.normalizer = normalizers.BertNormalizer(lowercase=True, strip_accents=False)
    tokenizer.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    specials = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
    trainer = trainers.WordPieceTrainer(vocab_size=800, special_tokens=specials)
    tokenizer.train_from_iterator((p.read_text() for p in SEEDS.glob("*.txt")), trainer)
    fast = PreTrainedTokenizerFast(
        tokenizer_object=tokenizer, unk_token="[UNK]", pad_token="[PAD]",
        cls_token="[CLS]", sep_token="[SEP]", mask_token="[MASK]",
    )  # fmt: skip
    fast.save_pretrained(folder)


def _bert_config(vocab_size: int):  # type: ignore[no-untyped-def]
    from transformers import BertConfig

    return BertConfig(
        vocab_size=vocab_size, hidden_size=64, num_hidden_layers=2, num_attention_heads=2,
        intermediate_size=128, max_position_embeddings=256,
    )  # fmt: skip


@pytest.fixture(scope="module")
def tiny_bi_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("sentence_transformers", reason="needs the sentence-transformers extra")
    from sentence_transformers import SentenceTransformer, models
    from transformers import AutoTokenizer, BertModel

    folder = tmp_path_factory.mktemp("tiny-bi-encoder")
    _tokenizer(folder / "bert")
    tokenizer = AutoTokenizer.from_pretrained(folder / "bert")
    BertModel(_bert_config(len(tokenizer))).save_pretrained(folder / "bert")
    word = models.Transformer(str(folder / "bert"), max_seq_length=128)
    # The new name first: reading the old one at all warns (sentence-transformers >= 6)
    named = getattr(word, "get_embedding_dimension", None) or word.get_word_embedding_dimension
    dimension = named()
    pooling = models.Pooling(dimension, pooling_mode="mean")
    SentenceTransformer(modules=[word, pooling], device="cpu").save(str(folder / "model"))
    return folder / "model"


@pytest.fixture(scope="module")
def tiny_cross_encoder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("sentence_transformers", reason="needs the sentence-transformers extra")
    from transformers import AutoTokenizer, BertForSequenceClassification

    folder = tmp_path_factory.mktemp("tiny-cross-encoder")
    _tokenizer(folder)
    config = _bert_config(len(AutoTokenizer.from_pretrained(folder)))
    config.num_labels = 1
    BertForSequenceClassification(config).save_pretrained(folder)
    return folder


def test_a_local_sentence_transformers_model_embeds_offline(tiny_bi_encoder: Path) -> None:
    settings = EmbeddingSettings(
        embedder="sentence-transformers", embedding_model=str(tiny_bi_encoder)
    )
    embedder = make_embedder(settings)
    vectors = embedder.embed_documents(["Đội Dân phòng", "tổ hòa giải"])
    assert embedder.dimension == len(vectors[0]) == 64
    assert abs(np.linalg.norm(vectors[0]) - 1) < 1e-3
    assert embedder.fingerprint == "st-model"


@pytest.mark.slow
def test_switching_embedder_builds_a_separate_collection(
    tiny_bi_encoder: Path, tmp_path: Path, embedding_cache: Path
) -> None:
    base = make_settings(tmp_path / "data", SEEDS, embedding_cache)
    e5_service = IndexService(base)
    e5_service.sync()
    e5_collection = e5_service.snapshot().store.name  # type: ignore[union-attr]
    e5_service.close()

    st_settings = base.with_overrides(
        embedding={"embedder": "sentence-transformers", "embedding_model": str(tiny_bi_encoder)}
    )
    st_service = IndexService(st_settings)
    report = st_service.sync()
    snapshot = st_service.snapshot()
    assert report.rebuilt and snapshot.store is not None
    assert snapshot.store.name != e5_collection  # vectors of two models are never mixed
    assert snapshot.store.count() == len(snapshot)
    searcher = HybridSearcher(st_service.snapshot, st_service.embedder, st_settings.retrieval)
    assert searcher.search("công an xã Hà Tĩnh").passages
    st_service.close()


@pytest.mark.slow
def test_a_cross_encoder_reorders_the_passages(
    tiny_cross_encoder: Path, seed_service: IndexService
) -> None:
    reranker = CrossEncoderReranker(str(tiny_cross_encoder))
    assert reranker.scores("câu hỏi", []) == []
    searcher = HybridSearcher(
        seed_service.snapshot, seed_service.embedder, seed_service.settings.retrieval, reranker
    )
    query = "công an xã chính quy"
    passages = searcher.search(query, top_k=5).passages
    scores = reranker.scores(query, [p.text for p in passages])
    assert all(0 < s < 1 for s in scores)
    assert scores == sorted(scores, reverse=True)  # the reranker's order is the final order
    assert [round(p.score, 6) for p in passages] == [round(s, 6) for s in scores]


def test_the_embedder_lock_serves_waiters_in_arrival_order() -> None:
    import threading
    import time

    from index.embedders import FairLock

    lock, served = FairLock(), []
    lock.__enter__()  # held: everyone below queues

    def wait(n: int) -> None:
        with lock:
            served.append(n)

    threads = []
    for n in range(6):
        threads.append(threading.Thread(target=wait, args=(n,)))
        threads[-1].start()
        time.sleep(0.05)  # arrive in order 0..5
    lock.__exit__()
    for thread in threads:
        thread.join(timeout=5)
    assert served == list(range(6))
